import { useQuery } from "@tanstack/react-query";
import { contractClient } from "@/api/contract-client";
import { unwrap } from "@/api/problem";

// Shared by payments, invoices, receivables and accounting (features do not import each other).

export type InvoicePaymentStatus = "Unpaid" | "PartiallyPaid" | "Paid" | "Credited";
export const paymentStatuses: InvoicePaymentStatus[] = ["Unpaid", "PartiallyPaid", "Paid", "Credited"];

/** What the contract adds to InvoiceResponse / InvoiceSummary (optional until the API sends them). */
export interface InvoiceSettlement {
  kind: "Receipt" | "CreditNote" | "WriteOff";
  sourceId: string;
  reference: string | null;
  date: string;
  amount: number;
  active: boolean;
}
export interface InvoiceReceivableFields {
  paymentStatus?: InvoicePaymentStatus | null;
  outstanding?: number | null;
  disputed?: boolean | null;
  disputeReason?: string | null;
  settlements?: InvoiceSettlement[] | null;
}

export interface JournalSetting {
  code: string;
  label: string;
}
export interface BankAccountSetting {
  code: string;
  label: string;
  account: string;
  iban: string | null;
}
export interface RevenueAccountRule {
  nature: "Goods" | "Service";
  vatRate: number;
  account: string;
}
export interface VatAccountRule {
  vatRate: number;
  collectedAccount: string;
  pendingAccount: string;
}

export interface AccountingSettings {
  salesJournal: JournalSetting;
  bankJournal: JournalSetting;
  miscJournal: JournalSetting;
  customerAccount: string;
  customerDepositAccount: string;
  servicesRevenueAccount: string;
  goodsRevenueAccount: string;
  revenueRules: RevenueAccountRule[];
  vatCollectedAccount: string;
  vatPendingAccount: string;
  vatRules: VatAccountRule[];
  bankAccounts: BankAccountSetting[];
  bankFeesAccount: string;
  badDebtAccount: string;
  writeOffLossAccount: string;
  writeOffGainAccount: string;
  unidentifiedReceiptsAccount: string;
  writeOffLimit: number;
}

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
      const result = await contractClient.GET("/api/v1/accounting/settings", { signal });
      return { settings: unwrap(result) as AccountingSettings, etag: result.response.headers.get("ETag") };
    },
  });
}

export const statementUrl = (customerId: string) => `/api/v1/receivables/customers/${customerId}/statement`;
