import { HttpResponse, http } from "msw";
import { beforeEach, vi } from "vitest";
import type { components } from "@/api/schema";
import { problem } from "./handlers";
import { server } from "./server";

type Schemas = components["schemas"];
type Kind = Schemas["PrintableKind"];

const api = (path: string) => `*/api/v1${path}`;
const kinds: Kind[] = ["Quote", "Order", "Invoice", "DepositInvoice", "CreditNote", "DeliveryNote"];
const placeholders = ["{number}", "{amount}", "{dueDate}", "{customerName}", "{companyName}"];

function createTemplate(kind: Kind): Schemas["DocumentTemplateResponse"] {
  return {
    kind,
    accentColor: "#1F4E79",
    showLogo: true,
    logoSource: "Company",
    hasOwnLogo: false,
    headerText: null,
    footerText: null,
    showBankDetails: kind === "Invoice" || kind === "DepositInvoice",
    termsAndConditions: null,
    emailSubject: "Facture {number} – {companyName}",
    emailBody: "Bonjour {customerName},",
    placeholders,
    updatedAt: "2026-11-20T09:00:00Z",
  };
}

export const templatesDb = {
  templates: [] as Schemas["DocumentTemplateResponse"][],
  versions: {} as Partial<Record<Kind, number>>,
};

/** What the fake API received, for assertions. */
export const templateUpdates: { kind: string; ifMatch: string | null; body: Schemas["DocumentTemplateRequest"] }[] = [];
export const previewBodies: { kind: string; body: Schemas["DocumentTemplateRequest"] }[] = [];
export const logoUploads: string[] = [];

export function resetTemplatesDb() {
  templatesDb.templates = kinds.map(createTemplate);
  templatesDb.versions = Object.fromEntries(kinds.map((k, i) => [k, i + 10]));
  templateUpdates.length = 0;
  previewBodies.length = 0;
  logoUploads.length = 0;
}

const etagOf = (kind: Kind) => `"${templatesDb.versions[kind] ?? 1}"`;
const find = (kind: string) => templatesDb.templates.find((t) => t.kind === kind);

export const templatesHandlers = [
  http.get(api("/document-templates/:kind"), ({ params }) => {
    const template = find(String(params.kind));
    if (!template) return problem(404, "not_found", "Ressource introuvable.");
    return HttpResponse.json(template, { headers: { ETag: etagOf(template.kind) } });
  }),
  http.put(api("/document-templates/:kind"), async ({ params, request }) => {
    const template = find(String(params.kind));
    if (!template) return problem(404, "not_found", "Ressource introuvable.");
    const body = (await request.json()) as Schemas["DocumentTemplateRequest"];
    const ifMatch = request.headers.get("If-Match");
    templateUpdates.push({ kind: template.kind, ifMatch, body });
    if (ifMatch !== etagOf(template.kind)) return problem(412, "stale_version", "La fiche a été modifiée entre-temps.");
    const unknown = /\{(?!number\}|amount\}|dueDate\}|customerName\}|companyName\})[^{}\s]*\}/.exec(body.emailBody ?? "");
    if (unknown) {
      return problem(422, "template_placeholder_unknown", "Variable inconnue.", {
        emailBody: [`Le texte contient une variable inconnue ${unknown[0]}.`],
      });
    }
    const updated = { ...template, ...body };
    templatesDb.templates = templatesDb.templates.map((t) => (t.kind === template.kind ? updated : t));
    templatesDb.versions[template.kind] = (templatesDb.versions[template.kind] ?? 1) + 1;
    return HttpResponse.json(updated, { headers: { ETag: etagOf(template.kind) } });
  }),
  http.post(api("/document-templates/:kind/preview"), async ({ params, request }) => {
    previewBodies.push({ kind: String(params.kind), body: (await request.json()) as Schemas["DocumentTemplateRequest"] });
    return new HttpResponse(new TextEncoder().encode("%PDF-1.7 fake"), { headers: { "Content-Type": "application/pdf" } });
  }),
  http.put(api("/document-templates/:kind/logo"), ({ params }) => {
    const template = find(String(params.kind));
    if (!template) return problem(404, "not_found", "Ressource introuvable.");
    logoUploads.push(template.kind);
    Object.assign(template, { hasOwnLogo: true, logoSource: "Own" });
    templatesDb.versions[template.kind] = (templatesDb.versions[template.kind] ?? 1) + 1;
    return new HttpResponse(null, { status: 204 });
  }),
];

export function setupTemplatesApi() {
  beforeEach(() => {
    resetTemplatesDb();
    server.use(...templatesHandlers);
    let next = 0;
    // jsdom has no blob URLs; the component only hands them to the iframe.
    URL.createObjectURL = vi.fn(() => `blob:preview-${++next}`);
    URL.revokeObjectURL = vi.fn();
  });
}
