import { useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiInfiniteQuery, useApiMutation, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";
import type { BillingStatus } from "@/components/billing/billing-api";

type Schemas = components["schemas"];
export type CreditNote = Schemas["CreditNoteResponse"];
export type CreditNoteRequest = Schemas["CreditNoteRequest"];
export type CreditNoteUpdateRequest = Schemas["CreditNoteUpdateRequest"];
export type CreditReason = Schemas["CreditReason"];
export type CreditNoteMode = Schemas["CreditNoteMode"];

export const creditReasons: CreditReason[] = ["Correction", "CommercialDiscount", "WriteOff"];
export const creditNoteModes: CreditNoteMode[] = ["Full", "Lines", "Amount"];

const pageSize = 25;
const creditNoteKey = (id: string) => apiKey("/api/v1/credit-notes/{id}", { params: { path: { id } } }, "versioned");

export interface CreditNoteFilters {
  search: string;
  status: BillingStatus | null;
  customerId: string | null;
  invoiceId: string | null;
  issuedFrom: string | null;
  issuedTo: string | null;
}

export const noCreditNoteFilters: CreditNoteFilters = { search: "", status: null, customerId: null, invoiceId: null, issuedFrom: null, issuedTo: null };

export function useCreditNotes(filters: CreditNoteFilters) {
  return useApiInfiniteQuery("/api/v1/credit-notes", {
    params: {
      query: {
        limit: pageSize,
        search: filters.search || undefined,
        status: filters.status ?? undefined,
        customerId: filters.customerId ?? undefined,
        invoiceId: filters.invoiceId ?? undefined,
        issuedFrom: filters.issuedFrom ?? undefined,
        issuedTo: filters.issuedTo ?? undefined,
      },
    },
  });
}

export type VersionedCreditNote = Versioned<CreditNote>;

export function useCreditNote(id: string) {
  return useVersionedQuery("/api/v1/credit-notes/{id}", { params: { path: { id } } });
}

export function useCreateCreditNote() {
  return useApiMutation("POST /api/v1/credit-notes", async ({ body }: { body: CreditNoteRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/credit-notes", { body })),
  );
}

export function useUpdateCreditNote() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/credit-notes/{id}",
    async ({ id, body, etag }: { id: string; body: CreditNoteUpdateRequest; etag: string | null }): Promise<VersionedCreditNote> =>
      versioned(await fetchClient.PUT("/api/v1/credit-notes/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(creditNoteKey(saved.value.id), saved) },
  );
}

export function useDeleteCreditNote() {
  return useApiMutation("DELETE /api/v1/credit-notes/{id}", async (id: string) =>
    unwrap(await fetchClient.DELETE("/api/v1/credit-notes/{id}", { params: { path: { id } } })),
  );
}

export function useValidateCreditNote() {
  return useApiMutation("POST /api/v1/credit-notes/{id}/validate", async ({ id, issueDate }: { id: string; issueDate: string | null }) =>
    unwrap(await fetchClient.POST("/api/v1/credit-notes/{id}/validate", { params: { path: { id } }, body: { issueDate } })),
  );
}
