import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

export type User = components["schemas"]["UserResponse"];
export type UserRole = User["role"];
export const userRoles: UserRole[] = ["Admin", "Sales", "Accountant", "Viewer"];

const pageSize = 25;
const usersKey = ["get", "/api/v1/users"] as const;

export function useUsers(search: string) {
  return useInfiniteQuery({
    queryKey: [...usersKey, { params: { query: { search, limit: pageSize } } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await fetchClient.GET("/api/v1/users", {
          params: { query: { limit: pageSize, after: pageParam, search: search || undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

/** One user with the ETag its edit must send back. */
export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...usersKey, id],
    enabled: id !== null,
    gcTime: 0,
    queryFn: async ({ signal }) => {
      const result = await fetchClient.GET("/api/v1/users/{id}", { params: { path: { id: id! } }, signal });
      return { user: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: components["schemas"]["CreateUserRequest"]; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/users", { body, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, etag }: { id: string; body: components["schemas"]["UpdateUserRequest"]; etag: string | null }) =>
      unwrap(
        await fetchClient.PUT("/api/v1/users/{id}", {
          params: { path: { id }, header: { "If-Match": etag ?? "" } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Creates the user without a password and e-mails them a link to choose one (valid 7 days). */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: components["schemas"]["InviteUserRequest"]; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/users/invitations", { body, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** A new invitation link for a user who has not chosen a password yet; the previous link stops working. */
export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await fetchClient.POST("/api/v1/users/{id}/invitation", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
