import { useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { useApiMutation } from "@/api/query";
import type { components } from "@/api/schema";
import { meQueryKey } from "./get-me";

export function useLogin() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "POST /api/v1/auth/login",
    async (body: components["schemas"]["LoginRequest"]) => unwrap(await fetchClient.POST("/api/v1/auth/login", { body })),
    {
      onSuccess: (me) => {
        // A different user may have been signed in before: drop everything cached for them.
        queryClient.clear();
        queryClient.setQueryData(meQueryKey, me);
      },
    },
  );
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useApiMutation("POST /api/v1/auth/logout", async () => unwrap(await fetchClient.POST("/api/v1/auth/logout")), {
    onSettled: () => queryClient.clear(),
  });
}

export function useChangePassword() {
  return useApiMutation("POST /api/v1/auth/change-password", async (body: components["schemas"]["ChangePasswordRequest"]) =>
    unwrap(await fetchClient.POST("/api/v1/auth/change-password", { body })),
  );
}

/**
 * Signs in again after the session ended in the middle of the work: unlike `useLogin`, the cache is kept (the
 * forms on screen keep what was typed), only the signed-in user is replaced.
 */
export function useReauthenticate() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "POST /api/v1/auth/login",
    async (body: components["schemas"]["LoginRequest"]) => unwrap(await fetchClient.POST("/api/v1/auth/login", { body })),
    { onSuccess: (me) => void queryClient.setQueryData(meQueryKey, me) },
  );
}
