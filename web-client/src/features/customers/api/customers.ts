import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Customer = Schemas["CustomerResponse"];
export type CustomerSummary = Schemas["CustomerSummary"];
export type CustomerKind = Schemas["CustomerKind"];
export type CustomerVatRegime = NonNullable<Schemas["CustomerVatRegime"]>;
export type CreateCustomerBody = Schemas["CreateCustomerRequest"];
export type UpdateCustomerBody = Schemas["CustomerRequest"];
export type Contact = Schemas["ContactResponse"];
export type ContactBody = Schemas["ContactRequest"];
export type ImportReport = Schemas["ImportReport"];

export const customerKinds: CustomerKind[] = ["Business", "Individual"];
export const customerVatRegimes: CustomerVatRegime[] = ["France", "IntraEuBusiness", "OutsideEu"];

export interface CustomerFilters {
  search: string;
  kind: CustomerKind | null;
  vatRegime: CustomerVatRegime | null;
  archived: boolean;
  /** `name`, `-name`, `accountingCode`, `-accountingCode` */
  sort: string;
}

/** The customer together with the ETag it was read at: customer and contact changes send it back as If-Match. */
export interface VersionedCustomer {
  customer: Customer;
  etag: string | null;
}

const pageSize = 25;
const customersKey = ["get", "/api/v1/customers"] as const;
const customerKey = (id: string) => ["get", "/api/v1/customers/{id}", id] as const;

export function useCustomers(filters: CustomerFilters) {
  const query = {
    limit: pageSize,
    search: filters.search || undefined,
    kind: filters.kind ?? undefined,
    vatRegime: filters.vatRegime ?? undefined,
    archived: filters.archived || undefined,
    sort: filters.sort,
  };
  return useInfiniteQuery({
    queryKey: [...customersKey, { params: { query } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await fetchClient.GET("/api/v1/customers", { params: { query: { ...query, after: pageParam } }, signal })),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKey(id),
    queryFn: async ({ signal }): Promise<VersionedCustomer> => {
      const result = await fetchClient.GET("/api/v1/customers/{id}", { params: { path: { id } }, signal });
      return { customer: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: CreateCustomerBody; idempotencyKey: string }): Promise<VersionedCustomer> => {
      const result = await fetchClient.POST("/api/v1/customers", { body, headers: { "Idempotency-Key": idempotencyKey } });
      return { customer: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: (created) => {
      if (created.etag) queryClient.setQueryData(customerKey(created.customer.id), created);
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, etag }: { id: string; body: UpdateCustomerBody; etag: string | null }): Promise<VersionedCustomer> => {
      const result = await fetchClient.PUT("/api/v1/customers/{id}", {
        params: { path: { id }, header: { "If-Match": etag ?? "" } },
        body,
      });
      return { customer: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(customerKey(saved.customer.id), saved);
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

export function useSetCustomerArchived() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, archive, idempotencyKey }: { id: string; archive: boolean; idempotencyKey: string }) => {
      const options = { params: { path: { id } }, headers: { "Idempotency-Key": idempotencyKey } };
      return unwrap(
        archive
          ? await fetchClient.POST("/api/v1/customers/{id}/archive", options)
          : await fetchClient.POST("/api/v1/customers/{id}/unarchive", options),
      );
    },
    // Archiving moves the version: the detail is read again for its new ETag.
    onSuccess: (_, { id }) => {
      void queryClient.invalidateQueries({ queryKey: customerKey(id) });
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/customers/{id}", { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: customerKey(id) });
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

/**
 * Contacts belong to the customer: every change sends the customer's ETag and answers with its new one,
 * which is put in the cache at once (so a second change in a row is not refused as stale) before the
 * customer is read again.
 */
function useContactMutation<TVariables extends { customerId: string; etag: string | null }>(
  send: (variables: TVariables) => Promise<{ response: Response; error?: unknown; data?: unknown }>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (variables: TVariables) => {
      const result = await send(variables);
      unwrap(result);
      return result.response.headers.get("ETag");
    },
    onSuccess: (etag, { customerId }) => {
      if (etag) {
        queryClient.setQueryData<VersionedCustomer>(customerKey(customerId), (old) => (old ? { ...old, etag } : old));
      }
      void queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

export function useAddContact() {
  return useContactMutation(
    ({ customerId, etag, body, idempotencyKey }: { customerId: string; etag: string | null; body: ContactBody; idempotencyKey: string }) =>
      fetchClient.POST("/api/v1/customers/{id}/contacts", {
        params: { path: { id: customerId }, header: { "If-Match": etag ?? "" } },
        headers: { "Idempotency-Key": idempotencyKey },
        body,
      }),
  );
}

export function useUpdateContact() {
  return useContactMutation(
    ({ customerId, contactId, etag, body }: { customerId: string; contactId: string; etag: string | null; body: ContactBody }) =>
      fetchClient.PUT("/api/v1/customers/{id}/contacts/{contactId}", {
        params: { path: { id: customerId, contactId }, header: { "If-Match": etag ?? "" } },
        body,
      }),
  );
}

export function useRemoveContact() {
  return useContactMutation(({ customerId, contactId, etag }: { customerId: string; contactId: string; etag: string | null }) =>
    fetchClient.DELETE("/api/v1/customers/{id}/contacts/{contactId}", {
      params: { path: { id: customerId, contactId }, header: { "If-Match": etag ?? "" } },
    }),
  );
}

export function useImportCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun, idempotencyKey }: { file: File; dryRun: boolean; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/customers/import", {
          params: { query: { dryRun } },
          headers: { "Idempotency-Key": idempotencyKey },
          body: { file: "" },
          bodySerializer: () => {
            const data = new FormData();
            data.append("file", file);
            return data;
          },
        }),
      ),
    onSuccess: (report) => {
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}
