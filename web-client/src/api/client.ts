import createFetchClient, { type Middleware } from "openapi-fetch";
import createClient from "openapi-react-query";
import { createIdempotencyMiddleware } from "./idempotency";
import type { paths } from "./schema";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const loginPath = "/api/v1/auth/login";

let currentLanguage = "fr";

/**
 * What to do with a 401 (the session ended on the server). `mutation` says whether the request changed
 * something (the user was submitting a form). Resolving `true` means the user signed in again: the request is
 * then sent once more, so the form that was being submitted gets its answer and loses nothing.
 */
export type UnauthorizedHandler = (request: { mutation: boolean }) => Promise<boolean> | boolean;

let onUnauthorized: UnauthorizedHandler | null = null;

/** The UI language, sent as Accept-Language so problem titles come back in it. */
export function setApiLanguage(language: string) {
  currentLanguage = language;
}

/** Called on any 401 except a failed sign-in. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null) {
  onUnauthorized = handler;
}

export function readCookie(name: string): string | null {
  if (typeof document === "undefined") return null;
  const prefix = `${name}=`;
  for (const part of document.cookie.split(";")) {
    const cookie = part.trim();
    if (cookie.startsWith(prefix)) return decodeURIComponent(cookie.slice(prefix.length));
  }
  return null;
}

function withSessionHeaders(request: Request): Request {
  request.headers.set("Accept-Language", currentLanguage);
  if (unsafeMethods.has(request.method.toUpperCase())) {
    // CSRF double submit: the API sets XSRF-TOKEN on sign-in and on GET /auth/me.
    const token = readCookie("XSRF-TOKEN");
    if (token) request.headers.set("X-XSRF-TOKEN", token);
  }
  return request;
}

/** Copies of the requests in flight, to send one again after the user signed in anew (its body is spent). */
const inFlight = new Map<string, Request>();

const sessionMiddleware: Middleware = {
  onRequest({ request, id }) {
    withSessionHeaders(request);
    inFlight.set(id, request.clone());
    return request;
  },
  async onResponse({ request, response, id }) {
    const copy = inFlight.get(id);
    inFlight.delete(id);
    const path = new URL(request.url).pathname;
    if (response.status !== 401 || path.endsWith(loginPath) || !onUnauthorized) return response;
    const signedInAgain = await onUnauthorized({ mutation: unsafeMethods.has(request.method.toUpperCase()) });
    if (!signedInAgain || !copy) return response;
    // The new session has a new CSRF token: the copy is sent with it.
    return globalThis.fetch(withSessionHeaders(copy));
  },
  onError({ id }) {
    inFlight.delete(id);
    return undefined;
  },
};

export const fetchClient = createFetchClient<paths>({
  baseUrl: globalThis.location?.origin ?? "http://localhost",
  // Resolved at call time so tests (MSW) and the browser both see the current fetch.
  fetch: (request) => globalThis.fetch(request),
  credentials: "include",
});
// Order matters: the key is chosen first, so the copy kept for a replay after a new sign-in carries it.
fetchClient.use(createIdempotencyMiddleware(), sessionMiddleware);

export const $api = createClient(fetchClient);
