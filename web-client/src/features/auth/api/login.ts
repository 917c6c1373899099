import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";
import { meQueryKey } from "./get-me";

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: components["schemas"]["LoginRequest"]) =>
      unwrap(await fetchClient.POST("/api/v1/auth/login", { body })),
    onSuccess: (me) => {
      // A different user may have been signed in before: drop everything cached for them.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await fetchClient.POST("/api/v1/auth/logout")),
    onSettled: () => queryClient.clear(),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: components["schemas"]["ChangePasswordRequest"]) =>
      unwrap(await fetchClient.POST("/api/v1/auth/change-password", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
