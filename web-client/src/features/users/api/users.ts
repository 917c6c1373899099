import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, useApiInfiniteQuery, useApiMutation, useVersionedQuery } from "@/api/query";
import type { components } from "@/api/schema";

export type User = components["schemas"]["UserResponse"];
export type UserRole = User["role"];
export type VersionedUser = Versioned<User>;
export const userRoles: UserRole[] = ["Admin", "Sales", "Accountant", "Viewer"];

const pageSize = 25;

export function useUsers(search: string) {
  return useApiInfiniteQuery("/api/v1/users", { params: { query: { limit: pageSize, search: search || undefined } } });
}

/** One user with the ETag its edit must send back. */
export function useUser(id: string | null) {
  return useVersionedQuery("/api/v1/users/{id}", { params: { path: { id: id ?? "" } } }, { enabled: id !== null, gcTime: 0 });
}

export function useCreateUser() {
  return useApiMutation("POST /api/v1/users", async ({ body }: { body: components["schemas"]["CreateUserRequest"] }) =>
    unwrap(await fetchClient.POST("/api/v1/users", { body })),
  );
}

export function useUpdateUser() {
  return useApiMutation(
    "PUT /api/v1/users/{id}",
    async ({ id, body, etag }: { id: string; body: components["schemas"]["UpdateUserRequest"]; etag: string | null }) =>
      unwrap(await fetchClient.PUT("/api/v1/users/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
  );
}

/** Creates the user without a password and e-mails them a link to choose one (valid 7 days). */
export function useInviteUser() {
  return useApiMutation("POST /api/v1/users/invitations", async ({ body }: { body: components["schemas"]["InviteUserRequest"] }) =>
    unwrap(await fetchClient.POST("/api/v1/users/invitations", { body })),
  );
}

/** A new invitation link for a user who has not chosen a password yet; the previous link stops working. */
export function useResendInvitation() {
  return useApiMutation("POST /api/v1/users/{id}/invitation", async (id: string) =>
    unwrap(await fetchClient.POST("/api/v1/users/{id}/invitation", { params: { path: { id } } })),
  );
}
