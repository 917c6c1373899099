import { type GetData, useApiQuery } from "@/api/query";

export type Dashboard = GetData<"/api/v1/dashboard">;
export type DashboardMonth = NonNullable<Dashboard["revenue"]>["months"][number];

/** The home page's figures (GET /api/v1/dashboard); a part the user may not read is null. */
export function useDashboard() {
  return useApiQuery("/api/v1/dashboard");
}

/** "2026-11-01" → the invoices list of that month's validated documents. */
export function monthInvoicesUrl(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `/invoices?status=Validated&issuedFrom=${month}&issuedTo=${month.slice(0, 8)}${String(last).padStart(2, "0")}`;
}

/** The page of the record an activity line is about, when the SPA has one. */
export function activityUrl(entityType: string, entityId: string | null | undefined): string | null {
  if (!entityId) return null;
  const base: Record<string, string> = {
    invoice: "/invoices",
    creditNote: "/credit-notes",
    quote: "/quotes",
    order: "/orders",
    payment: "/payments",
    customer: "/customers",
    product: "/products",
    opportunity: "/opportunities",
  };
  return base[entityType] ? `${base[entityType]}/${entityId}` : null;
}
