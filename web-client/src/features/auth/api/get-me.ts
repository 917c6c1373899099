import { useQuery } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

export type Me = components["schemas"]["MeResponse"];

export const meQueryKey = ["get", "/api/v1/auth/me"] as const;

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/auth/me", { signal })),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The API's rule: "resource:write" implies "resource:read". */
export function hasPermission(me: Pick<Me, "permissions"> | undefined, permission: string): boolean {
  if (!me) return false;
  if (me.permissions.includes(permission)) return true;
  const [resource, access] = permission.split(":");
  return access === "read" && me.permissions.includes(`${resource}:write`);
}
