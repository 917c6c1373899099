import createFetchClient, { type Middleware } from "openapi-fetch";
import createClient from "openapi-react-query";
import type { paths } from "./schema";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const loginPath = "/api/v1/auth/login";

let currentLanguage = "fr";
let onUnauthorized: (() => void) | null = null;

/** The UI language, sent as Accept-Language so problem titles come back in it. */
export function setApiLanguage(language: string) {
  currentLanguage = language;
}

/** Called on any 401 except a failed sign-in (session expired or signed out elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null) {
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

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept-Language", currentLanguage);
    if (unsafeMethods.has(request.method.toUpperCase())) {
      // CSRF double submit: the API sets XSRF-TOKEN on sign-in and on GET /auth/me.
      const token = readCookie("XSRF-TOKEN");
      if (token) request.headers.set("X-XSRF-TOKEN", token);
    }
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.endsWith(loginPath)) {
      onUnauthorized?.();
    }
    return response;
  },
};

export const fetchClient = createFetchClient<paths>({
  baseUrl: globalThis.location?.origin ?? "http://localhost",
  // Resolved at call time so tests (MSW) and the browser both see the current fetch.
  fetch: (request) => globalThis.fetch(request),
  credentials: "include",
});
fetchClient.use(sessionMiddleware);

export const $api = createClient(fetchClient);
