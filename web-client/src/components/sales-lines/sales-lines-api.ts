import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { ApiError, asApiError, unwrap } from "@/api/problem";
import { useApiQuery } from "@/api/query";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type LineKind = Schemas["LineKind"];
export type SalesLineRequest = Schemas["SalesLineRequest"];
export type SalesLineResponse = Schemas["SalesLineResponse"];
export type Totals = Schemas["TotalsResponse"];
export type Product = Schemas["ProductResponse"];
export type PreviewTotals = Schemas["PreviewTotalsResponse"];
export type VatTreatments = Schemas["VatTreatmentsResponse"];

export const lineKinds: LineKind[] = ["Product", "Free", "Title", "Comment"];
export const isPriced = (kind: LineKind) => kind === "Product" || kind === "Free";

/** A line as the editor holds it: numbers stay "" while empty so the API takes the product's value (null). */
export interface LineDraft {
  key: string;
  kind: LineKind;
  productId: string | null;
  /** Shown in the product picker; the product's own data once picked (for placeholders). */
  productLabel: string | null;
  product: Product | null;
  description: string;
  quantity: number | string;
  unitCode: string | null;
  unitPrice: number | string;
  discountPercent: number | string;
  vatRate: number | string;
  /** The exemption a 0 % line cites (its printed mention), chosen from GET /vat-treatments; null otherwise. */
  vatExemptionReason: string | null;
}

const newKey = () => crypto.randomUUID();

export function emptyLine(kind: LineKind = "Product"): LineDraft {
  return {
    key: newKey(),
    kind,
    productId: null,
    productLabel: null,
    product: null,
    description: "",
    quantity: isPriced(kind) ? 1 : "",
    unitCode: null,
    unitPrice: "",
    discountPercent: "",
    vatRate: "",
    vatExemptionReason: null,
  };
}

/** A saved line, every value explicit: sending it back unchanged is accepted even on a frozen document. */
export function fromLineResponse(line: SalesLineResponse): LineDraft {
  const priced = isPriced(line.kind);
  return {
    key: line.id,
    kind: line.kind,
    productId: line.productId,
    productLabel: line.productId ? (line.description.split("\n")[0] ?? null) : null,
    product: null,
    description: line.description,
    quantity: priced ? line.quantity : "",
    unitCode: priced ? line.unitCode : null,
    unitPrice: priced ? line.unitPrice : "",
    discountPercent: priced ? line.discountPercent : "",
    vatRate: priced ? line.vatRate : "",
    vatExemptionReason: null,
  };
}

const num = (v: number | string): number | null => (v === "" || v === null || v === undefined ? null : typeof v === "number" ? v : Number(v));

export function toLineRequest(line: LineDraft): SalesLineRequest {
  const priced = isPriced(line.kind);
  const description = line.description.trim() === "" ? null : line.description;
  return {
    kind: line.kind,
    productId: line.kind === "Product" ? line.productId : null,
    description,
    quantity: priced ? num(line.quantity) : null,
    unitCode: priced ? line.unitCode : null,
    unitPrice: priced ? num(line.unitPrice) : null,
    discountPercent: priced ? num(line.discountPercent) : null,
    vatRate: priced ? num(line.vatRate) : null,
    nature: null,
    vatExemptionReason: priced && num(line.vatRate) === 0 ? line.vatExemptionReason : null,
  };
}

/** Product lines without a product yet are left out of the preview (the API would refuse them). */
export function previewableLines(lines: LineDraft[]): { requests: SalesLineRequest[]; indexes: number[] } {
  const requests: SalesLineRequest[] = [];
  const indexes: number[] = [];
  lines.forEach((line, index) => {
    if (line.kind === "Product" && !line.productId) return;
    requests.push(toLineRequest(line));
    indexes.push(index);
  });
  return { requests, indexes };
}

export function useUnitCodes() {
  return useApiQuery("/api/v1/products/units", {}, { staleTime: Infinity });
}

/** A UN/ECE unit code as the user reads it ("C62" → "unité"); the code itself only while the list loads or for an unknown code. */
export function useUnitLabel() {
  const units = useUnitCodes();
  return (code: string | null | undefined) => (code ? (units.data?.find((u) => u.code === code)?.label ?? code) : "");
}

/** The rates and exemptions (with their legal basis) this company's lines may take: the VAT cell is a choice among them. */
export function useVatTreatments() {
  return useQuery({
    queryKey: ["get", "/api/v1/vat-treatments"],
    staleTime: Infinity,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/vat-treatments", { signal })),
  });
}

export function useProductSearch(search: string, enabled: boolean) {
  return useApiQuery(
    "/api/v1/products",
    { params: { query: { search: search || undefined, forSale: true, limit: 20 } } },
    { enabled, placeholderData: keepPreviousData },
  );
}

/** The server computes every amount: the editor only shows what this answers. A POST that reads: its own key, never invalidated. */
export function usePreviewTotals(customerId: string | null, lines: SalesLineRequest[], enabled: boolean) {
  return useQuery({
    queryKey: ["post", "/api/v1/orders/preview", { customerId, lines }],
    enabled: enabled && !!customerId && lines.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.POST("/api/v1/orders/preview", { body: { customerId: customerId!, lines }, signal })),
  });
}

/** What a form holding sales lines has (the line editor reads and edits `lines`). */
export interface LinesValues {
  lines: LineDraft[];
}

/**
 * The save's problem as a lines form names its fields: `lines[2].UnitPrice` → `lines.2.unitPrice`, `Lines[2]` (the
 * line as a whole) → `lines.2`. `indexes` re-indexes when the request held only some of the form's lines.
 */
export function linesProblem(error: unknown, indexes?: number[]): unknown {
  const apiError = asApiError(error);
  if (!apiError?.problem.errors) return error;
  const errors: Record<string, string[]> = {};
  for (const [rawKey, messages] of Object.entries(apiError.problem.errors)) {
    const key = rawKey.startsWith("$.") ? rawKey.slice(2) : rawKey;
    const match = /^[Ll]ines\[(\d+)\](?:\.(\w+))?$/.exec(key);
    let name = key;
    if (match) {
      const sent = Number(match[1]);
      const index = indexes ? (indexes[sent] ?? sent) : sent;
      name = match[2] ? `lines.${index}.${match[2][0]!.toLowerCase()}${match[2].slice(1)}` : `lines.${index}`;
    }
    errors[name] = [...(errors[name] ?? []), ...messages];
  }
  return new ApiError(apiError.status, { ...apiError.problem, errors }, apiError.retryAfterSeconds);
}

/**
 * Splits a problem's `errors` into line errors ("lines[2].quantity", re-indexed through `indexes` when the request
 * held only some lines) and the others.
 */
export function splitLineErrors(error: unknown, indexes?: number[]): { lines: Record<string, string>; other: Record<string, string> } {
  const lines: Record<string, string> = {};
  const other: Record<string, string> = {};
  const errors = asApiError(error)?.problem.errors ?? {};
  for (const [rawKey, messages] of Object.entries(errors)) {
    const key = rawKey.startsWith("$.") ? rawKey.slice(2) : rawKey;
    const match = /^[Ll]ines\[(\d+)\](?:\.(\w+))?$/.exec(key);
    if (match) {
      const sent = Number(match[1]);
      const index = indexes ? (indexes[sent] ?? sent) : sent;
      const field = match[2] ? match[2][0]!.toLowerCase() + match[2].slice(1) : "line";
      lines[`lines[${index}].${field}`] = messages.join(" ");
    } else {
      other[key[0] ? key[0].toLowerCase() + key.slice(1) : key] = messages.join(" ");
    }
  }
  return { lines, other };
}
