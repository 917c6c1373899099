import { useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiMutation, useApiQuery, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];

export type ReminderLevel = Schemas["ReminderLevelSettings"];
/** What the settings form edits and sends. */
export type ReminderSettings = Schemas["UpdateReminderSettingsRequest"];
export type ReminderStatus = Schemas["ReminderStatus"];
export type InvoiceReminder = Schemas["InvoiceReminderResponse"];
export type LateInterest = Schemas["LateInterestResponse"];

export interface InvoiceReminders {
  reminders: InvoiceReminder[];
  lateInterest: LateInterest | null;
}

const settingsKey = apiKey("/api/v1/reminders/settings", {}, "versioned");

/** What the form edits: the answer without its read-only parts. */
const editable = ({ value, etag }: Versioned<ReminderSettings>): { settings: ReminderSettings; etag: string | null } => ({
  settings: { enabled: value.enabled, levels: value.levels },
  etag,
});

export function useReminderSettings() {
  return useVersionedQuery("/api/v1/reminders/settings", {}, { select: editable });
}

export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/reminders/settings",
    async ({ body, etag }: { body: ReminderSettings; etag: string | null }) =>
      versioned(await fetchClient.PUT("/api/v1/reminders/settings", { body, params: { header: { "If-Match": etag ?? "" } } })),
    { onSuccess: (saved) => void queryClient.setQueryData(settingsKey, saved) },
  );
}

export function useReminderHistory() {
  return useApiQuery("/api/v1/reminders", { params: { query: { limit: 100 } } }, { select: (page) => page.items });
}

export function useInvoiceReminders(invoiceId: string, enabled: boolean) {
  return useApiQuery(
    "/api/v1/invoices/{id}/reminders",
    { params: { path: { id: invoiceId } } },
    { enabled, retry: false, select: (data): InvoiceReminders => ({ reminders: data.history, lateInterest: data.lateInterest }) },
  );
}

export function useSendReminder() {
  return useApiMutation("POST /api/v1/invoices/{id}/reminders", async ({ invoiceId, level }: { invoiceId: string; level: number | null }) =>
    unwrap(await fetchClient.POST("/api/v1/invoices/{id}/reminders", { params: { path: { id: invoiceId } }, body: { level } })),
  );
}

export function useInvoiceLateFees() {
  return useApiMutation("POST /api/v1/invoices/{id}/late-fees", async ({ invoiceId }: { invoiceId: string }) => {
    const created = unwrap(await fetchClient.POST("/api/v1/invoices/{id}/late-fees", { params: { path: { id: invoiceId } } }));
    return { id: created.feeInvoiceId };
  });
}
