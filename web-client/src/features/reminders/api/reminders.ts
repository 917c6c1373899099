import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
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

const settingsKey = ["get", "/api/v1/reminders/settings"] as const;
const remindersKey = ["get", "/api/v1/reminders"] as const;

export function useReminderSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: async ({ signal }) => {
      const result = await fetchClient.GET("/api/v1/reminders/settings", { signal });
      const { enabled, levels } = unwrap(result);
      return { settings: { enabled, levels } satisfies ReminderSettings, etag: result.response.headers.get("ETag") };
    },
  });
}

export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: ReminderSettings; etag: string | null }) => {
      const result = await fetchClient.PUT("/api/v1/reminders/settings", { body, params: { header: { "If-Match": etag ?? "" } } });
      const { enabled, levels } = unwrap(result);
      return { settings: { enabled, levels } satisfies ReminderSettings, etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}

export function useReminderHistory() {
  return useQuery({
    queryKey: remindersKey,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/reminders", { params: { query: { limit: 100 } }, signal })).items,
  });
}

export function useInvoiceReminders(invoiceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["get", "/api/v1/invoices", invoiceId, "reminders"],
    enabled,
    retry: false,
    queryFn: async ({ signal }): Promise<InvoiceReminders> => {
      const data = unwrap(await fetchClient.GET("/api/v1/invoices/{id}/reminders", { params: { path: { id: invoiceId } }, signal }));
      return { reminders: data.history, lateInterest: data.lateInterest };
    },
  });
}

export function useSendReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ invoiceId, level }: { invoiceId: string; level: number | null }) =>
      unwrap(await fetchClient.POST("/api/v1/invoices/{id}/reminders", { params: { path: { id: invoiceId } }, body: { level } })),
    onSuccess: (_, { invoiceId }) => {
      void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/invoices", invoiceId, "reminders"] });
      void queryClient.invalidateQueries({ queryKey: remindersKey });
    },
  });
}

export function useInvoiceLateFees() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ invoiceId }: { invoiceId: string }) => {
      const created = unwrap(await fetchClient.POST("/api/v1/invoices/{id}/late-fees", { params: { path: { id: invoiceId } } }));
      return { id: created.feeInvoiceId };
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/invoices"] }),
  });
}
