import { HttpResponse, http } from "msw";
import type { components } from "@/api/schema";
import { createMe, db, toCustomerSummary, unitCodes, vatTreatments } from "./data";

type Schemas = components["schemas"];

const api = (path: string) => `*/api/v1${path}`;

export function problem(status: number, code: string, title: string, errors?: Record<string, string[]>, headers?: Record<string, string>) {
  return HttpResponse.json(
    { type: `https://koban.fr/problems/${code}`, title, status, code, errors, traceId: "trace-1" },
    { status, headers: { "Content-Type": "application/problem+json", ...headers } },
  );
}

const unauthorized = () => problem(401, "unauthenticated", "Authentification requise.");
const etag = () => `"${db.companyVersion}"`;

const versionOf = (id: string) => `"${db.versions[id] ?? 1}"`;
const bump = (id: string) => {
  db.versions[id] = (db.versions[id] ?? 1) + 1;
  return versionOf(id);
};
const notFound = () => problem(404, "not_found", "Ressource introuvable.");
const stale = () => problem(412, "stale_version", "La fiche a été modifiée entre-temps.");
const flag = (url: URL, name: string) => url.searchParams.get(name) === "true";

function sortBy<T>(items: T[], sort: string | null, pick: (item: T, key: string) => string | number) {
  const key = (sort ?? "").replace(/^-/, "");
  if (!key) return items;
  const sign = sort!.startsWith("-") ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = pick(a, key);
    const y = pick(b, key);
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}

function findCustomer(id: string) {
  return db.customers.find((c) => c.id === id);
}

function saveCustomer(customer: Schemas["CustomerResponse"]) {
  db.customers = db.customers.map((c) => (c.id === customer.id ? customer : c));
}

function saveProduct(product: Schemas["ProductResponse"]) {
  db.products = db.products.map((p) => (p.id === product.id ? product : p));
}

const emptyReport: Schemas["ImportReport"] = { rows: 0, created: 0, updated: 0, refused: 0, dryRun: true, results: [] };

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

  // ---- customers ----
  http.get(api("/customers"), ({ request }) => {
    const url = new URL(request.url);
    const search = url.searchParams.get("search")?.toLowerCase() ?? "";
    const kind = url.searchParams.get("kind");
    const vatRegime = url.searchParams.get("vatRegime");
    const archived = flag(url, "archived");
    const items = db.customers
      .filter((c) => c.isArchived === archived)
      .filter((c) => !kind || c.kind === kind)
      .filter((c) => !vatRegime || c.vatRegime === vatRegime)
      .filter(
        (c) =>
          !search ||
          c.name.toLowerCase().includes(search) ||
          c.accountingCode.toLowerCase().includes(search) ||
          (c.siren ?? "").startsWith(search) ||
          c.contacts.some((x) => [x.firstName, x.lastName, x.email].some((v) => v?.toLowerCase().includes(search))),
      );
    const sorted = sortBy(items, url.searchParams.get("sort"), (c, key) => (key === "accountingCode" ? c.accountingCode : c.name));
    return HttpResponse.json({ items: sorted.map(toCustomerSummary), nextCursor: null, hasMore: false });
  }),
  http.post(api("/customers/import"), () => HttpResponse.json(emptyReport)),
  http.post(api("/customers"), async ({ request }) => {
    const body = (await request.json()) as Schemas["CreateCustomerRequest"];
    const customer: Schemas["CustomerResponse"] = {
      siren: null,
      siret: null,
      vatNumber: null,
      billingAddress: null,
      paymentTerms: null,
      notes: null,
      ...body,
      id: crypto.randomUUID(),
      vatRegime: body.vatRegime ?? "France",
      deliveryAddresses: (body.deliveryAddresses ?? []).map((d) => ({ ...d, id: crypto.randomUUID() })),
      accountingCode: body.accountingCode ?? `411${body.name.replace(/[^A-Za-z]/g, "").slice(0, 7).toUpperCase()}`,
      isArchived: false,
      contacts: (body.contacts ?? []).map((c, i) => ({ firstName: null, lastName: null, email: null, phone: null, jobTitle: null, ...c, id: crypto.randomUUID(), isBilling: i === 0 })),
      updatedAt: new Date().toISOString(),
    };
    db.customers = [...db.customers, customer];
    db.versions[customer.id] = 1;
    return HttpResponse.json(customer, { status: 201, headers: { ETag: versionOf(customer.id) } });
  }),
  http.get(api("/customers/:id"), ({ params }) => {
    const customer = findCustomer(String(params.id));
    return customer ? HttpResponse.json(customer, { headers: { ETag: versionOf(customer.id) } }) : notFound();
  }),
  http.put(api("/customers/:id"), async ({ request, params }) => {
    const customer = findCustomer(String(params.id));
    if (!customer) return notFound();
    if (request.headers.get("If-Match") !== versionOf(customer.id)) return stale();
    const body = (await request.json()) as Schemas["CustomerRequest"];
    const saved: Schemas["CustomerResponse"] = {
      ...customer,
      ...body,
      vatRegime: body.vatRegime ?? customer.vatRegime,
      accountingCode: body.accountingCode ?? customer.accountingCode,
      deliveryAddresses: (body.deliveryAddresses ?? []).map((d) => ({ ...d, id: d.id ?? crypto.randomUUID() })),
      updatedAt: new Date().toISOString(),
    };
    saveCustomer(saved);
    return HttpResponse.json(saved, { headers: { ETag: bump(saved.id) } });
  }),
  http.post(api("/customers/:id/archive"), ({ params }) => {
    const customer = findCustomer(String(params.id));
    if (!customer) return notFound();
    if (customer.isArchived) return problem(409, "invalid_state_transition", "Ce client est déjà archivé.");
    saveCustomer({ ...customer, isArchived: true });
    return HttpResponse.json(findCustomer(customer.id), { headers: { ETag: bump(customer.id) } });
  }),
  http.post(api("/customers/:id/unarchive"), ({ params }) => {
    const customer = findCustomer(String(params.id));
    if (!customer) return notFound();
    if (!customer.isArchived) return problem(409, "invalid_state_transition", "Ce client n'est pas archivé.");
    saveCustomer({ ...customer, isArchived: false });
    return HttpResponse.json(findCustomer(customer.id), { headers: { ETag: bump(customer.id) } });
  }),
  http.delete(api("/customers/:id"), ({ params }) => {
    const id = String(params.id);
    if (!findCustomer(id)) return notFound();
    if (db.referenced.has(id)) return problem(409, "customer_referenced", "Un document utilise ce client : archivez-le plutôt.");
    db.customers = db.customers.filter((c) => c.id !== id);
    return new HttpResponse(null, { status: 204 });
  }),
  http.post(api("/customers/:id/contacts"), async ({ request, params }) => {
    const customer = findCustomer(String(params.id));
    if (!customer) return notFound();
    if (!request.headers.get("If-Match")) return problem(428, "precondition_required", "If-Match manquant.");
    if (request.headers.get("If-Match") !== versionOf(customer.id)) return stale();
    const body = (await request.json()) as Schemas["ContactRequest"];
    const isBilling = body.isBilling || customer.contacts.length === 0;
    const contact = { firstName: null, lastName: null, email: null, phone: null, jobTitle: null, ...body, id: crypto.randomUUID(), isBilling };
    const contacts = [...customer.contacts.map((c) => (isBilling ? { ...c, isBilling: false } : c)), contact];
    saveCustomer({ ...customer, contacts });
    return HttpResponse.json(contact, { status: 201, headers: { ETag: bump(customer.id) } });
  }),
  http.put(api("/customers/:id/contacts/:contactId"), async ({ request, params }) => {
    const customer = findCustomer(String(params.id));
    if (!customer) return notFound();
    if (request.headers.get("If-Match") !== versionOf(customer.id)) return stale();
    const body = (await request.json()) as Schemas["ContactRequest"];
    const contacts = customer.contacts.map((c) =>
      c.id === params.contactId ? { ...c, ...body, isBilling: c.isBilling || body.isBilling } : body.isBilling ? { ...c, isBilling: false } : c,
    );
    saveCustomer({ ...customer, contacts });
    return HttpResponse.json(contacts.find((c) => c.id === params.contactId), { headers: { ETag: bump(customer.id) } });
  }),
  http.delete(api("/customers/:id/contacts/:contactId"), ({ request, params }) => {
    const customer = findCustomer(String(params.id));
    if (!customer) return notFound();
    if (request.headers.get("If-Match") !== versionOf(customer.id)) return stale();
    const contacts = customer.contacts.filter((c) => c.id !== params.contactId);
    if (contacts.length > 0 && !contacts.some((c) => c.isBilling)) contacts[0] = { ...contacts[0]!, isBilling: true };
    saveCustomer({ ...customer, contacts });
    return new HttpResponse(null, { status: 204, headers: { ETag: bump(customer.id) } });
  }),

  // ---- products ----
  http.get(api("/products/units"), () => HttpResponse.json(unitCodes)),
  http.get(api("/vat-treatments"), () => HttpResponse.json(vatTreatments)),
  http.get(api("/products"), ({ request }) => {
    const url = new URL(request.url);
    const search = url.searchParams.get("search")?.toLowerCase() ?? "";
    const nature = url.searchParams.get("nature");
    const items = db.products
      .filter((p) => p.isArchived === flag(url, "archived"))
      .filter((p) => !nature || p.nature === nature)
      .filter((p) => !flag(url, "forSale") || p.forSale)
      .filter((p) => !flag(url, "deliverable") || p.deliverable)
      .filter((p) => !flag(url, "isContract") || p.isContract)
      .filter((p) => !search || p.code.toLowerCase().includes(search) || p.name.toLowerCase().includes(search));
    const sorted = sortBy(items, url.searchParams.get("sort"), (p, key) => (key === "unitPrice" ? p.unitPrice : key === "name" ? p.name : p.code));
    return HttpResponse.json({ items: sorted, nextCursor: null, hasMore: false });
  }),
  http.post(api("/products/import"), () => HttpResponse.json(emptyReport)),
  http.post(api("/products"), async ({ request }) => {
    const body = (await request.json()) as Schemas["ProductRequest"];
    const product: Schemas["ProductResponse"] = {
      description: null,
      vatExemptionReason: null,
      contractPeriodicity: null,
      contractTermMonths: null,
      ...body,
      id: crypto.randomUUID(),
      unitLabel: unitCodes.find((u) => u.code === body.unitCode)?.label ?? body.unitCode,
      isArchived: false,
      updatedAt: new Date().toISOString(),
    };
    db.products = [...db.products, product];
    db.versions[product.id] = 1;
    return HttpResponse.json(product, { status: 201, headers: { ETag: versionOf(product.id) } });
  }),
  http.get(api("/products/:id"), ({ params }) => {
    const product = db.products.find((p) => p.id === params.id);
    return product ? HttpResponse.json(product, { headers: { ETag: versionOf(product.id) } }) : notFound();
  }),
  http.put(api("/products/:id"), async ({ request, params }) => {
    const product = db.products.find((p) => p.id === params.id);
    if (!product) return notFound();
    if (request.headers.get("If-Match") !== versionOf(product.id)) return stale();
    const body = (await request.json()) as Schemas["ProductRequest"];
    const saved = {
      ...product,
      ...body,
      unitLabel: unitCodes.find((u) => u.code === body.unitCode)?.label ?? body.unitCode,
      updatedAt: new Date().toISOString(),
    };
    saveProduct(saved);
    return HttpResponse.json(saved, { headers: { ETag: bump(saved.id) } });
  }),
  http.post(api("/products/:id/:action"), ({ params }) => {
    const product = db.products.find((p) => p.id === params.id);
    if (!product) return notFound();
    const archive = params.action === "archive";
    if (product.isArchived === archive) return problem(409, "invalid_state_transition", "Transition impossible.");
    saveProduct({ ...product, isArchived: archive });
    return HttpResponse.json({ ...product, isArchived: archive }, { headers: { ETag: bump(product.id) } });
  }),
  http.delete(api("/products/:id"), ({ params }) => {
    const id = String(params.id);
    if (!db.products.some((p) => p.id === id)) return notFound();
    if (db.referenced.has(id)) return problem(409, "product_referenced", "Un document utilise ce produit : archivez-le plutôt.");
    db.products = db.products.filter((p) => p.id !== id);
    return new HttpResponse(null, { status: 204 });
  }),
];
