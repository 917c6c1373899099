import type { components } from "@/api/schema";

type Schemas = components["schemas"];

let sequence = 0;
const id = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, "0")}`;

export const allPermissions = [
  "company", "users", "api-keys", "audit", "customers", "products", "opportunities", "quotes", "orders",
  "delivery-notes", "projects", "contracts", "invoices", "credit-notes", "payments", "receivables", "accounting", "document-templates",
].flatMap((r) => [`${r}:read`, `${r}:write`]);

export function createMe(overrides: Partial<Schemas["MeResponse"]> = {}): Schemas["MeResponse"] {
  return {
    userId: id(),
    email: "admin@demo.koban.fr",
    displayName: "Alice Admin",
    role: "Admin",
    companyId: id(),
    companyName: "Atelier Koban Démo SAS",
    mustChangePassword: false,
    permissions: allPermissions,
    ...overrides,
  };
}

export function createViewer(overrides: Partial<Schemas["MeResponse"]> = {}) {
  return createMe({
    email: "viewer@demo.koban.fr",
    displayName: "Victor Lecteur",
    role: "Viewer",
    permissions: allPermissions.filter((p) => p.endsWith(":read") && !/^(users|api-keys|audit):/.test(p)),
    ...overrides,
  });
}

export function createCompanyProfile(overrides: Partial<Schemas["CompanyProfileResponse"]> = {}): Schemas["CompanyProfileResponse"] {
  return {
    id: id(),
    legalName: "Atelier Koban Démo SAS",
    legalForm: "Sas",
    shareCapital: 10000,
    siren: "732829320",
    vatNumber: "FR44732829320",
    rcsCity: "Lyon",
    address: { line1: "12 rue de la République", line2: null, postalCode: "69002", city: "Lyon", countryCode: "FR" },
    iban: "FR7630006000011234567890189",
    bic: "AGRIFRPP",
    hasLogo: false,
    defaultPaymentTerms: { kind: "Days", days: 30 },
    latePaymentPenaltyRate: 12.5,
    timeZone: "Europe/Paris",
    fiscalYearStartMonth: 1,
    vatFranchise: false,
    vatOnDebits: false,
    updatedAt: "2026-01-15T10:00:00Z",
    ...overrides,
  };
}

export function createUser(overrides: Partial<Schemas["UserResponse"]> = {}): Schemas["UserResponse"] {
  return {
    id: id(),
    email: `user${sequence}@demo.koban.fr`,
    displayName: `Utilisateur ${sequence}`,
    role: "Sales",
    mustChangePassword: false,
    isActive: true,
    lastSignInAt: null,
    createdAt: "2026-01-10T09:00:00Z",
    invitationPending: false,
    ...overrides,
  };
}

export function createApiKey(overrides: Partial<Schemas["ApiKeyResponse"]> = {}): Schemas["ApiKeyResponse"] {
  return {
    id: id(),
    name: "Boutique en ligne",
    prefix: "kbn_ab12",
    scopes: ["customers:read"],
    createdAt: "2026-01-12T08:00:00Z",
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function createAuditEvent(overrides: Partial<Schemas["AuditEventResponse"]> = {}): Schemas["AuditEventResponse"] {
  return {
    id: id(),
    occurredAt: "2026-01-15T10:00:00Z",
    actorId: id(),
    actorName: "Alice Admin",
    action: "company.updated",
    entityType: "Company",
    entityId: id(),
    before: { rcsCity: "Lyon" },
    after: { rcsCity: "Paris" },
    ...overrides,
  };
}

export function createCustomer(overrides: Partial<Schemas["CustomerResponse"]> = {}): Schemas["CustomerResponse"] {
  return {
    id: id(),
    kind: "Business",
    name: "Menuiserie Durand SARL",
    countryCode: "FR",
    vatRegime: "France",
    siren: "404833048",
    siret: null,
    vatNumber: "FR83404833048",
    billingAddress: { line1: "8 quai Saint-Vincent", line2: null, postalCode: "69001", city: "Lyon", countryCode: "FR" },
    deliveryAddresses: [],
    paymentTerms: null,
    accountingCode: `411CLIENT${sequence}`,
    notes: null,
    isArchived: false,
    contacts: [],
    updatedAt: "2026-11-02T09:00:00Z",
    ...overrides,
  };
}

export function createContact(overrides: Partial<Schemas["ContactResponse"]> = {}): Schemas["ContactResponse"] {
  return {
    id: id(),
    firstName: "Claire",
    lastName: "Durand",
    email: "claire.durand@menuiserie-durand.fr",
    phone: "+33 4 72 00 00 00",
    jobTitle: "Comptable",
    isBilling: true,
    ...overrides,
  };
}

export function toCustomerSummary(c: Schemas["CustomerResponse"]): Schemas["CustomerSummary"] {
  const billing = c.contacts.find((x) => x.isBilling) ?? null;
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    countryCode: c.countryCode,
    vatRegime: c.vatRegime,
    city: c.billingAddress?.city ?? null,
    siren: c.siren,
    accountingCode: c.accountingCode,
    billingContactName: billing ? [billing.firstName, billing.lastName].filter(Boolean).join(" ") : null,
    billingContactEmail: billing?.email ?? null,
    isArchived: c.isArchived,
    updatedAt: c.updatedAt,
  };
}

export function createProduct(overrides: Partial<Schemas["ProductResponse"]> = {}): Schemas["ProductResponse"] {
  return {
    id: id(),
    code: `PRD-${sequence}`,
    name: "Pose et réglage",
    description: null,
    unitCode: "HUR",
    unitLabel: "heure",
    unitPrice: 65,
    vatRate: 20,
    vatExemptionReason: null,
    nature: "Service",
    forSale: true,
    deliverable: false,
    isContract: false,
    contractPeriodicity: null,
    contractTermMonths: null,
    isArchived: false,
    updatedAt: "2026-11-02T09:00:00Z",
    ...overrides,
  };
}

export const unitCodes: Schemas["UnitCodeResponse"][] = [
  { code: "C62", label: "unité" },
  { code: "HUR", label: "heure" },
  { code: "DAY", label: "jour" },
  { code: "KGM", label: "kilogramme" },
];

/** GET /vat-treatments of a company liable to VAT (the API's list, trimmed to what the tests choose from). */
export const vatTreatments: Schemas["VatTreatmentsResponse"] = {
  vatFranchise: false,
  rates: [
    { rate: 20, label: "Taux normal", legalBasis: "art. 278 du CGI" },
    { rate: 10, label: "Taux intermédiaire", legalBasis: "art. 279 du CGI" },
    { rate: 5.5, label: "Taux réduit", legalBasis: "art. 278-0 bis du CGI" },
    { rate: 2.1, label: "Taux particulier", legalBasis: "art. 281 quater à 281 nonies du CGI" },
  ],
  exemptions: [
    {
      reason: "Exonération de TVA, article 261-4-4° a du CGI",
      label: "Formation professionnelle continue, enseignement",
      legalBasis: "art. 261-4-4° a du CGI",
    },
    { reason: "Exonération de TVA, article 261-4-1° du CGI", label: "Soins médicaux et paramédicaux", legalBasis: "art. 261-4-1° du CGI" },
  ],
};

/** The in-memory state the default handlers serve; each test starts from a fresh copy. */
export const db = {
  me: null as Schemas["MeResponse"] | null,
  password: "Demo-Admin-2026!",
  company: createCompanyProfile(),
  companyVersion: 1,
  users: [] as Schemas["UserResponse"][],
  apiKeys: [] as Schemas["ApiKeyResponse"][],
  auditEvents: [] as Schemas["AuditEventResponse"][],
  customers: [] as Schemas["CustomerResponse"][],
  products: [] as Schemas["ProductResponse"][],
  /** Row versions (the ETag) by customer or product id. */
  versions: {} as Record<string, number>,
  /** Ids some document references: deleting them answers 409. */
  referenced: new Set<string>(),
};

export function resetDb() {
  db.me = null;
  db.password = "Demo-Admin-2026!";
  db.company = createCompanyProfile();
  db.companyVersion = 1;
  db.users = [createUser({ email: "admin@demo.koban.fr", displayName: "Alice Admin", role: "Admin" })];
  db.apiKeys = [];
  db.auditEvents = [];
  db.customers = [];
  db.products = [];
  db.versions = {};
  db.referenced = new Set();
}
resetDb();
