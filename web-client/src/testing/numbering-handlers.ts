import { HttpResponse, http } from "msw";
import { beforeEach } from "vitest";
import type { components } from "@/api/schema";
import { problem } from "./handlers";
import { server } from "./server";

type Schemas = components["schemas"];
type DocumentType = Schemas["DocumentType"];

const api = (path: string) => `*/api/v1${path}`;

function createSetting(documentType: DocumentType, prefix: string, locked: boolean): Schemas["NumberingSettingResponse"] {
  return {
    documentType,
    prefix,
    year: "FourDigits",
    separator: "-",
    padding: 5,
    resetYearly: true,
    firstNumber: 1,
    locked,
    example: `${prefix}2026-00001`,
  };
}

export const numberingDb = {
  settings: [] as Schemas["NumberingSettingResponse"][],
  versions: {} as Partial<Record<DocumentType, number>>,
};

/** If-Match headers and bodies PUT /numbering/{documentType} received, for assertions. */
export const numberingUpdates: { documentType: string; ifMatch: string | null; body: Schemas["UpdateNumberingSettingRequest"] }[] = [];

export function resetNumberingDb() {
  numberingDb.settings = [
    createSetting("Quote", "DE-", false),
    createSetting("Order", "CO-", false),
    createSetting("Invoice", "FA-", true),
    createSetting("CreditNote", "AV-", false),
    createSetting("DeliveryNote", "BL-", false),
  ];
  numberingDb.versions = { Quote: 3, Order: 7, Invoice: 12, CreditNote: 1, DeliveryNote: 1 };
  numberingUpdates.length = 0;
}

const etagOf = (type: DocumentType) => `"${numberingDb.versions[type] ?? 1}"`;
const find = (type: string) => numberingDb.settings.find((s) => s.documentType === type);
const notFound = () => problem(404, "not_found", "Ressource introuvable.");

export const numberingHandlers = [
  http.get(api("/numbering"), () => HttpResponse.json({ items: numberingDb.settings })),
  http.get(api("/numbering/:documentType"), ({ params }) => {
    const setting = find(String(params.documentType));
    if (!setting) return notFound();
    return HttpResponse.json(setting, { headers: { ETag: etagOf(setting.documentType) } });
  }),
  http.put(api("/numbering/:documentType"), async ({ params, request }) => {
    const setting = find(String(params.documentType));
    if (!setting) return notFound();
    const body = (await request.json()) as Schemas["UpdateNumberingSettingRequest"];
    const ifMatch = request.headers.get("If-Match");
    numberingUpdates.push({ documentType: setting.documentType, ifMatch, body });
    if (!ifMatch) return problem(428, "precondition_required", "En-tête If-Match requis.");
    if (ifMatch !== etagOf(setting.documentType)) return problem(412, "stale_version", "La fiche a été modifiée entre-temps.");
    if (setting.locked) {
      return problem(409, "numbering_locked", "La numérotation ne peut plus être modifiée : un numéro a déjà été attribué.");
    }
    if (body.resetYearly && body.year === "None") {
      return problem(422, "numbering_reset_needs_year", "Une remise à 1 annuelle exige l'année dans le numéro.");
    }
    const year = body.year === "None" ? "" : body.year === "TwoDigits" ? "26" : "2026";
    const updated = {
      ...setting,
      ...body,
      example: `${body.prefix}${year}${year ? body.separator : ""}${String(body.firstNumber).padStart(body.padding, "0")}`,
    };
    numberingDb.settings = numberingDb.settings.map((s) => (s.documentType === setting.documentType ? updated : s));
    numberingDb.versions[setting.documentType] = (numberingDb.versions[setting.documentType] ?? 1) + 1;
    return HttpResponse.json(updated, { headers: { ETag: etagOf(setting.documentType) } });
  }),
];

export function setupNumberingApi() {
  beforeEach(() => {
    resetNumberingDb();
    server.use(...numberingHandlers);
  });
}
