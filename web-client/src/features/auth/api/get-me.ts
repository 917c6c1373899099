import { apiKey, useApiQuery } from "@/api/query";
import type { components } from "@/api/schema";

export type Me = components["schemas"]["MeResponse"];

export const meQueryKey = apiKey("/api/v1/auth/me");

export function useMe() {
  return useApiQuery("/api/v1/auth/me", undefined, { staleTime: 5 * 60_000, retry: false });
}

/** The API's rule: "resource:write" implies "resource:read". */
export function hasPermission(me: Pick<Me, "permissions"> | undefined, permission: string): boolean {
  if (!me) return false;
  if (me.permissions.includes(permission)) return true;
  const [resource, access] = permission.split(":");
  return access === "read" && me.permissions.includes(`${resource}:write`);
}
