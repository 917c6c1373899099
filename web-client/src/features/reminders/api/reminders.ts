import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contractClient } from "@/api/contract-client";
import { unwrap } from "@/api/problem";

export interface ReminderLevel {
  level: number;
  name: string;
  daysAfterDue: number;
  subject: string;
  body: string;
}

export interface ReminderSettings {
  enabled: boolean;
  levels: ReminderLevel[];
}

export type ReminderStatus = "Sent" | "Skipped" | "Manual";

export interface InvoiceReminder {
  id: string;
  invoiceId: string;
  invoiceNumber?: string | null;
  customerId?: string;
  customerName?: string | null;
  level: number | null;
  levelName: string;
  status: ReminderStatus;
  daysLate: number;
  amountDue: number;
  recipients?: string[];
  subject?: string | null;
  createdAt: string;
  createdByName?: string | null;
  deliveryStatus?: string | null;
}

export interface LateInterest {
  from: string;
  to: string;
  days: number;
  annualRate: number;
  interest: number;
  indemnity: number;
  total: number;
}

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
      const result = await contractClient.GET("/api/v1/reminders/settings", { signal });
      return { settings: unwrap(result) as ReminderSettings, etag: result.response.headers.get("ETag") };
    },
  });
}

export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: ReminderSettings; etag: string | null }) => {
      const result = await contractClient.PUT("/api/v1/reminders/settings", { body, headers: etag ? { "If-Match": etag } : {} });
      return { settings: unwrap(result) as ReminderSettings, etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}

function items<T>(data: unknown, key: string): T[] {
  if (Array.isArray(data)) return data as T[];
  const record = (data ?? {}) as Record<string, unknown>;
  return ((record.items ?? record[key] ?? []) as T[]) ?? [];
}

export function useReminderHistory() {
  return useQuery({
    queryKey: remindersKey,
    queryFn: async ({ signal }) => items<InvoiceReminder>(unwrap(await contractClient.GET("/api/v1/reminders", { params: { query: { limit: 100 } }, signal })), "reminders"),
  });
}

export function useInvoiceReminders(invoiceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["get", "/api/v1/invoices", invoiceId, "reminders"],
    enabled,
    retry: false,
    queryFn: async ({ signal }): Promise<InvoiceReminders> => {
      const data = unwrap(await contractClient.GET("/api/v1/invoices/{id}/reminders", { params: { path: { id: invoiceId } }, signal }));
      const record = (Array.isArray(data) ? {} : (data ?? {})) as Record<string, unknown>;
      return { reminders: items<InvoiceReminder>(record.history ?? data, "reminders"), lateInterest: (record.lateInterest as LateInterest | undefined) ?? null };
    },
  });
}

export function useSendReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ invoiceId, level }: { invoiceId: string; level: number | null }) =>
      unwrap(await contractClient.POST("/api/v1/invoices/{id}/reminders", { params: { path: { id: invoiceId } }, body: { level } })),
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
      const created = unwrap(await contractClient.POST("/api/v1/invoices/{id}/late-fees", { params: { path: { id: invoiceId } }, body: {} })) as { feeInvoiceId: string };
      return { id: created.feeInvoiceId };
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/invoices"] }),
  });
}
