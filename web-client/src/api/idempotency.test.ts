import createFetchClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { canonicalBody, createIdempotencyMiddleware, needsIdempotencyKey } from "./idempotency";
import type { paths } from "./schema";

type Answer = { status: number; body?: unknown } | "network";

/** A client over a fake network answering in turn; records the key each request carried. */
function setup(answers: Answer[]) {
  const keys: (string | null)[] = [];
  let n = 0;
  const client = createFetchClient<paths>({
    baseUrl: "http://koban.test",
    fetch: async (request: Request) => {
      keys.push(request.headers.get("Idempotency-Key"));
      const answer = answers[Math.min(n++, answers.length - 1)]!;
      if (answer === "network") throw new TypeError("Failed to fetch");
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { "Content-Type": "application/json" },
      });
    },
  });
  let counter = 0;
  client.use(createIdempotencyMiddleware(() => `key-${++counter}`));
  const create = (name: string) => client.POST("/api/v1/customers", { body: { kind: "Business", name, countryCode: "FR" } as never });
  return { client, keys, create };
}

describe("Idempotency-Key of the API client", () => {
  it("gives a corrected body a new key after a refusal, so the corrected form is created (not 'key already used')", async () => {
    const { keys, create } = setup([{ status: 400, body: { status: 400 } }, { status: 201, body: {} }]);
    await create("");
    await create("Menuiserie Durand");
    expect(keys).toEqual(["key-1", "key-2"]);
  });

  it("gives the same body a new key after a 4xx: re-sending runs again instead of replaying the refusal", async () => {
    const { keys, create } = setup([{ status: 422, body: { status: 422 } }, { status: 201, body: {} }]);
    await create("Durand");
    await create("Durand");
    expect(keys).toEqual(["key-1", "key-2"]);
  });

  it("keeps the key to retry the very same request after a network failure or a 5xx", async () => {
    const { keys, create } = setup(["network", { status: 503, body: { status: 503 } }, { status: 201, body: {} }, { status: 201, body: {} }]);
    await expect(create("Durand")).rejects.toThrow("Failed to fetch");
    await create("Durand");
    await create("Durand");
    // A new submission after the success is a new request.
    await create("Durand");
    expect(keys).toEqual(["key-1", "key-1", "key-1", "key-2"]);
  });

  it("does not keep a retry key for a different body, even after a 5xx", async () => {
    const { keys, create } = setup([{ status: 500, body: { status: 500 } }, { status: 201, body: {} }]);
    await create("Durand");
    await create("Durand SARL");
    expect(keys).toEqual(["key-1", "key-2"]);
  });

  it("keeps the key while the first attempt is still running (409 in progress), not after another 409", async () => {
    const { keys, create } = setup([
      { status: 409, body: { status: 409, code: "idempotency_key_in_progress" } },
      { status: 409, body: { status: 409, code: "document_frozen" } },
      { status: 201, body: {} },
    ]);
    await create("Durand");
    await create("Durand");
    await create("Durand");
    expect(keys).toEqual(["key-1", "key-1", "key-2"]);
  });

  it("treats a multipart upload of the same file as the same request despite its random boundary", async () => {
    const { client, keys } = setup([{ status: 502, body: { status: 502 } }, { status: 200, body: {} }]);
    const upload = () =>
      client.POST("/api/v1/customers/import", {
        params: { query: { dryRun: false } },
        body: { file: "" },
        bodySerializer: () => {
          const data = new FormData();
          data.append("file", new File(["nom;siren\n"], "clients.csv", { type: "text/csv" }));
          return data;
        },
      });
    await upload();
    await upload();
    expect(keys).toEqual(["key-1", "key-1"]);
  });

  it("sends no key on PUT, previews and sign-in", async () => {
    expect(needsIdempotencyKey("POST", "/api/v1/customers")).toBe(true);
    expect(needsIdempotencyKey("PUT", "/api/v1/customers/1")).toBe(false);
    expect(needsIdempotencyKey("POST", "/api/v1/orders/preview")).toBe(false);
    expect(needsIdempotencyKey("POST", "/api/v1/auth/login")).toBe(false);
  });

  it("compares JSON bodies whatever the order of their keys", () => {
    expect(canonicalBody("application/json", '{"b":1,"a":{"d":2,"c":[{"y":1,"x":2}]}}')).toBe(canonicalBody("application/json", '{"a":{"c":[{"x":2,"y":1}],"d":2},"b":1}'));
  });
});
