/** Drops empty filter values so they are not sent as `?x=`. */
export function cleanQuery(query: Record<string, string | number | boolean | undefined | null>) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "" && v !== false));
}
