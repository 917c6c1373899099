import type { Middleware, MiddlewareCallbackParams } from "openapi-fetch";

/**
 * The `Idempotency-Key` of every POST, chosen here and nowhere else.
 *
 * A key stands for one attempt at one request. The server stores the first answer under (key, request) and
 * replays it for the same key and the same request, refuses the same key with another request (422), and
 * answers 409 while the first attempt still runs. So:
 * - a request identical to one that failed on the network, with a 5xx, or with "still in progress" (409) is a
 *   retry: it is sent again under the same key, and the server applies it at most once;
 * - anything else gets a fresh key: a changed body (the user corrected the form), the same body after a refusal
 *   (4xx: re-sending it must run again, not replay the refusal), or after a success (a new submission).
 *
 * "Identical" means same method, URL (path and query) and canonical body: JSON with its keys sorted, multipart
 * bodies without their random boundary.
 */

const header = "Idempotency-Key";
const inProgressCode = "idempotency_key_in_progress";

/** POSTs that change nothing (previews) or run before a session exists (sign-in, password links) carry no key. */
export function needsIdempotencyKey(method: string, pathname: string): boolean {
  if (method.toUpperCase() !== "POST") return false;
  if (!pathname.startsWith("/api/")) return false;
  if (pathname.startsWith("/api/v1/auth/")) return false;
  return !pathname.endsWith("/preview");
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The body in a form that does not depend on key order or on a multipart boundary. */
export function canonicalBody(contentType: string | null, text: string): string {
  if (text === "") return "";
  if (contentType?.includes("json")) {
    try {
      return JSON.stringify(sortKeys(JSON.parse(text)));
    } catch {
      return text;
    }
  }
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType ?? "")?.[2];
  return boundary ? text.split(boundary).join("") : text;
}

export async function requestFingerprint(request: Request): Promise<string> {
  const url = new URL(request.url);
  const text = request.body === null ? "" : await request.clone().text();
  return `${request.method.toUpperCase()} ${url.pathname}${url.search}\n${canonicalBody(request.headers.get("Content-Type"), text)}`;
}

async function isInProgress(response: Response): Promise<boolean> {
  if (response.status !== 409) return false;
  try {
    const body = (await response.clone().json()) as { code?: unknown };
    return body.code === inProgressCode;
  } catch {
    return false;
  }
}

export type IdempotencyMiddleware = Middleware & {
  /** Keys kept for a retry, by request fingerprint (for tests and diagnostics). */
  readonly kept: ReadonlyMap<string, string>;
};

export function createIdempotencyMiddleware(newKey: () => string = () => crypto.randomUUID()): IdempotencyMiddleware {
  /** fingerprint → key of the last attempt, kept only while a retry of that very request may be needed. */
  const kept = new Map<string, string>();
  /** openapi-fetch request id → fingerprint, while the request runs. */
  const running = new Map<string, string>();

  return {
    kept,
    async onRequest({ request, id }: MiddlewareCallbackParams) {
      if (!needsIdempotencyKey(request.method, new URL(request.url).pathname)) return undefined;
      if (request.headers.has(header)) return undefined;
      const fingerprint = await requestFingerprint(request);
      let key = kept.get(fingerprint);
      if (key === undefined) {
        key = newKey();
        kept.set(fingerprint, key);
      }
      running.set(id, fingerprint);
      request.headers.set(header, key);
      return request;
    },
    async onResponse({ response, id }: MiddlewareCallbackParams & { response: Response }) {
      const fingerprint = running.get(id);
      if (fingerprint === undefined) return undefined;
      running.delete(id);
      const retryable = response.status >= 500 || (await isInProgress(response));
      if (!retryable) kept.delete(fingerprint);
      return undefined;
    },
    onError({ id }: MiddlewareCallbackParams) {
      // No answer (offline, timeout): the server may or may not have applied it, so the same key is kept.
      running.delete(id);
      return undefined;
    },
  };
}
