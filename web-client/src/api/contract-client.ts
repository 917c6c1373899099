import { fetchClient } from "./client";

/**
 * The same client (session, CSRF, Accept-Language middleware) without the path typing, for endpoints of the
 * payments/receivables/accounting contract that are not in openapi.yaml yet. Feature modules type the bodies by hand
 * (following the contract) and move to `fetchClient` with the generated types once the endpoint lands.
 */
interface LooseInit {
  params?: { path?: Record<string, string>; query?: Record<string, string | number | boolean | undefined | null> };
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  parseAs?: "json" | "blob" | "text";
}
type LooseResult = Promise<{ data?: unknown; error?: unknown; response: Response }>;
interface LooseClient {
  GET(url: string, init?: LooseInit): LooseResult;
  POST(url: string, init?: LooseInit): LooseResult;
  PUT(url: string, init?: LooseInit): LooseResult;
  DELETE(url: string, init?: LooseInit): LooseResult;
}

export const contractClient = fetchClient as unknown as LooseClient;

/** Drops empty filter values so they are not sent as `?x=`. */
export function cleanQuery(query: Record<string, string | number | boolean | undefined | null>) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "" && v !== false));
}
