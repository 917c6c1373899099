import { type Versioned, apiKey, useVersionedQuery } from "@/api/query";
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

export type VersionedAccountingSettings = Versioned<AccountingSettings>;

/** The accounting settings: payments need the bank accounts and the write-off limit. */
export const accountingSettingsKey = apiKey("/api/v1/accounting/settings", {}, "versioned");

export function useAccountingSettings() {
  return useVersionedQuery("/api/v1/accounting/settings", {}, { staleTime: 60_000 });
}

/** A bank account as the user named it ("Compte courant Crédit Agricole"), not its internal code ("BANK"). */
export function useBankAccountLabel() {
  const settings = useAccountingSettings();
  return (code: string) => settings.data?.value.bankAccounts.find((b) => b.code === code)?.label ?? code;
}

export const statementUrl = (customerId: string) => `/api/v1/receivables/customers/${customerId}/statement`;
