import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type BillingStatus = Schemas["BillingStatus"];
export type InvoiceKind = Schemas["InvoiceKind"];
export type BillingLine = Schemas["BillingLineResponse"];
export type BillingSnapshot = Schemas["BillingSnapshotResponse"];
export type BillingLink = Schemas["BillingLinkResponse"];

export const billingStatuses: BillingStatus[] = ["Draft", "Validated"];

