import { HttpResponse, http } from "msw";
import { createMe, db } from "./data";

const api = (path: string) => `*/api/v1${path}`;

export function problem(status: number, code: string, title: string, errors?: Record<string, string[]>, headers?: Record<string, string>) {
  return HttpResponse.json(
    { type: `https://koban.fr/problems/${code}`, title, status, code, errors, traceId: "trace-1" },
    { status, headers: { "Content-Type": "application/problem+json", ...headers } },
  );
}

const unauthorized = () => problem(401, "unauthenticated", "Authentification requise.");
const etag = () => `"${db.companyVersion}"`;

/** A small fake of the Koban API, enough for route-level tests; tests override single endpoints with server.use. */
export const handlers = [
  http.post(api("/auth/login"), async ({ request }) => {
    const body = (await request.json()) as { email: string; password: string };
    if (body.password !== db.password) return problem(401, "invalid_credentials", "Identifiants invalides.");
    db.me = createMe({ email: body.email });
    return HttpResponse.json(db.me);
  }),
  http.post(api("/auth/logout"), () => {
    db.me = null;
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(api("/auth/me"), () => (db.me ? HttpResponse.json(db.me) : unauthorized())),
  http.post(api("/auth/change-password"), () => {
    if (!db.me) return unauthorized();
    db.me = { ...db.me, mustChangePassword: false };
    return new HttpResponse(null, { status: 204 });
  }),

  http.get(api("/company"), () => (db.me ? HttpResponse.json(db.company, { headers: { ETag: etag() } }) : unauthorized())),
  http.put(api("/company"), async ({ request }) => {
    if (!db.me) return unauthorized();
    if (request.headers.get("If-Match") !== etag()) return problem(412, "stale_version", "La fiche a été modifiée entre-temps.");
    const body = (await request.json()) as Record<string, unknown>;
    db.companyVersion += 1;
    db.company = { ...db.company, ...body, updatedAt: new Date().toISOString() } as typeof db.company;
    return HttpResponse.json(db.company, { headers: { ETag: etag() } });
  }),
  http.put(api("/company/logo"), () => {
    db.companyVersion += 1;
    db.company = { ...db.company, hasLogo: true };
    return new HttpResponse(null, { status: 204 });
  }),
  http.delete(api("/company/logo"), () => {
    db.companyVersion += 1;
    db.company = { ...db.company, hasLogo: false };
    return new HttpResponse(null, { status: 204 });
  }),

  http.get(api("/users"), () => HttpResponse.json({ items: db.users, nextCursor: null, hasMore: false })),
  http.get(api("/api-keys"), () => HttpResponse.json({ items: db.apiKeys, nextCursor: null, hasMore: false })),
  http.get(api("/api-keys/scopes"), () => HttpResponse.json(["customers:read", "customers:write", "invoices:read"])),
  http.post(api("/api-keys"), async ({ request }) => {
    const body = (await request.json()) as { name: string; scopes: string[] };
    const apiKey = {
      id: crypto.randomUUID(),
      name: body.name,
      prefix: "kbn_9f3a",
      scopes: body.scopes,
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    };
    db.apiKeys = [apiKey, ...db.apiKeys];
    return HttpResponse.json({ apiKey, key: "kbn_9f3a.s3cr3t-value-shown-once" }, { status: 201 });
  }),
  http.get(api("/audit-events"), () => HttpResponse.json({ items: db.auditEvents, nextCursor: null, hasMore: false })),
];
