import type { useQueryClient } from "@tanstack/react-query";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type BillingStatus = Schemas["BillingStatus"];
export type InvoiceKind = Schemas["InvoiceKind"];
export type BillingLine = Schemas["BillingLineResponse"];
export type BillingSnapshot = Schemas["BillingSnapshotResponse"];
export type BillingLink = Schemas["BillingLinkResponse"];

export const billingStatuses: BillingStatus[] = ["Draft", "Validated"];

/** Invoices, credit notes and orders move together: an invoice or a credit note changes its order's left to invoice. */
export function invalidateBilling(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/invoices"] });
  void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/credit-notes"] });
  void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/orders"] });
  void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/billing-schedule"] });
}
