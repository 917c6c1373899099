import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { useApiMutation } from "@/api/query";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];

/** "Mot de passe oublié": the API answers 202 whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useApiMutation("POST /api/v1/auth/password-reset", async (body: Schemas["RequestPasswordResetRequest"]) =>
    unwrap(await fetchClient.POST("/api/v1/auth/password-reset", { body })),
  );
}

/** Both links set a password the same way: `{ token, password }` → the address to sign in with. */
export interface SetPasswordVariables {
  token: string;
  password: string;
}

export function useConfirmPasswordReset() {
  return useApiMutation("POST /api/v1/auth/password-reset/confirm", async ({ token, password }: SetPasswordVariables) =>
    unwrap(await fetchClient.POST("/api/v1/auth/password-reset/confirm", { body: { token, newPassword: password } })),
  );
}

export function useAcceptInvitation() {
  return useApiMutation("POST /api/v1/auth/invitation/accept", async (body: SetPasswordVariables) =>
    unwrap(await fetchClient.POST("/api/v1/auth/invitation/accept", { body })),
  );
}

/** The secret of an e-mailed link travels in the fragment (`#token=…`), which browsers never send to a server. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash).get("token") ?? "";
}

/** Problem codes that mean the link itself is unusable (not a field the user can fix). */
export const linkProblemCodes = ["token_invalid", "token_expired", "token_used"] as const;
