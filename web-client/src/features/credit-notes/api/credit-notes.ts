import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";
import { type BillingStatus, invalidateBilling } from "@/components/billing/billing-api";

type Schemas = components["schemas"];
export type CreditNote = Schemas["CreditNoteResponse"];
export type CreditNoteRequest = Schemas["CreditNoteRequest"];
export type CreditNoteUpdateRequest = Schemas["CreditNoteUpdateRequest"];
export type CreditReason = Schemas["CreditReason"];
export type CreditNoteMode = Schemas["CreditNoteMode"];

export const creditReasons: CreditReason[] = ["Correction", "CommercialDiscount", "WriteOff"];
export const creditNoteModes: CreditNoteMode[] = ["Full", "Lines", "Amount"];

const pageSize = 25;
export const creditNotesKey = ["get", "/api/v1/credit-notes"] as const;

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
  const query = {
    limit: pageSize,
    search: filters.search || undefined,
    status: filters.status ?? undefined,
    customerId: filters.customerId ?? undefined,
    invoiceId: filters.invoiceId ?? undefined,
    issuedFrom: filters.issuedFrom ?? undefined,
    issuedTo: filters.issuedTo ?? undefined,
  };
  return useInfiniteQuery({
    queryKey: [...creditNotesKey, { params: { query } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await fetchClient.GET("/api/v1/credit-notes", { params: { query: { ...query, after: pageParam } }, signal })),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export interface VersionedCreditNote {
  creditNote: CreditNote;
  etag: string | null;
}

export function useCreditNote(id: string) {
  return useQuery({
    queryKey: [...creditNotesKey, id, "versioned"],
    queryFn: async ({ signal }): Promise<VersionedCreditNote> => {
      const result = await fetchClient.GET("/api/v1/credit-notes/{id}", { params: { path: { id } }, signal });
      return { creditNote: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useCreateCreditNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: CreditNoteRequest; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/credit-notes", { body, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => invalidateBilling(queryClient),
  });
}

export function useUpdateCreditNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, etag }: { id: string; body: CreditNoteUpdateRequest; etag: string | null }): Promise<VersionedCreditNote> => {
      const result = await fetchClient.PUT("/api/v1/credit-notes/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body });
      return { creditNote: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData([...creditNotesKey, saved.creditNote.id, "versioned"], saved);
      invalidateBilling(queryClient);
    },
  });
}

export function useDeleteCreditNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/credit-notes/{id}", { params: { path: { id } } })),
    onSuccess: () => invalidateBilling(queryClient),
  });
}

export function useValidateCreditNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, issueDate, idempotencyKey }: { id: string; issueDate: string | null; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/credit-notes/{id}/validate", {
          params: { path: { id } },
          headers: { "Idempotency-Key": idempotencyKey },
          body: { issueDate },
        }),
      ),
    onSuccess: () => invalidateBilling(queryClient),
  });
}
