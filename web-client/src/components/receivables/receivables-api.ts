import { useQuery } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

// Shared by payments, invoices, receivables and accounting (features do not import each other).

type Schemas = components["schemas"];
export type InvoicePaymentStatus = Schemas["InvoicePaymentStatus"];
export const paymentStatuses: InvoicePaymentStatus[] = ["Unpaid", "PartiallyPaid", "Paid", "Credited"];

export type InvoiceSettlement = Schemas["InvoiceSettlementResponse"];
/** An invoice's payment side (GET /invoices/{id}/payments); the list's InvoiceSummary carries paymentStatus and disputed. */
export type InvoicePayment = Schemas["InvoicePaymentResponse"];

export type JournalSetting = Schemas["JournalSetting"];
export type BankAccountSetting = Schemas["BankAccountSetting"];
export type RevenueAccountRule = Schemas["RevenueAccountRule"];
export type VatAccountRule = Schemas["VatAccountRule"];
export type AccountingSettings = Schemas["AccountingSettingsDto"];

export interface VersionedAccountingSettings {
  settings: AccountingSettings;
  etag: string | null;
}

/** The accounting settings: payments need the bank accounts and the write-off limit. */
export const accountingSettingsKey = ["get", "/api/v1/accounting/settings"] as const;

export function useAccountingSettings() {
  return useQuery({
    queryKey: accountingSettingsKey,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<VersionedAccountingSettings> => {
      const result = await fetchClient.GET("/api/v1/accounting/settings", { signal });
      return { settings: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export const statementUrl = (customerId: string) => `/api/v1/receivables/customers/${customerId}/statement`;
