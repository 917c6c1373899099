import { useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiInfiniteQuery, useApiMutation, useVersionedQuery, versioned } from "@/api/query";
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
export type VersionedCustomer = Versioned<Customer>;

const pageSize = 25;
const customerKey = (id: string) => apiKey("/api/v1/customers/{id}", { params: { path: { id } } }, "versioned");

export function useCustomers(filters: CustomerFilters) {
  return useApiInfiniteQuery("/api/v1/customers", {
    params: {
      query: {
        limit: pageSize,
        search: filters.search || undefined,
        kind: filters.kind ?? undefined,
        vatRegime: filters.vatRegime ?? undefined,
        archived: filters.archived || undefined,
        sort: filters.sort,
      },
    },
  });
}

export function useCustomer(id: string) {
  return useVersionedQuery("/api/v1/customers/{id}", { params: { path: { id } } });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "POST /api/v1/customers",
    async (body: CreateCustomerBody): Promise<VersionedCustomer> => versioned(await fetchClient.POST("/api/v1/customers", { body })),
    {
      onSuccess: (created) => {
        if (created.etag) queryClient.setQueryData(customerKey(created.value.id), created);
      },
    },
  );
}

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/customers/{id}",
    async ({ id, body, etag }: { id: string; body: UpdateCustomerBody; etag: string | null }): Promise<VersionedCustomer> =>
      versioned(await fetchClient.PUT("/api/v1/customers/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(customerKey(saved.value.id), saved) },
  );
}

// Archiving moves the version: the detail is read again (invalidation) for its new ETag.
export function useArchiveCustomer() {
  return useApiMutation("POST /api/v1/customers/{id}/archive", async (id: string) =>
    unwrap(await fetchClient.POST("/api/v1/customers/{id}/archive", { params: { path: { id } } })),
  );
}

export function useUnarchiveCustomer() {
  return useApiMutation("POST /api/v1/customers/{id}/unarchive", async (id: string) =>
    unwrap(await fetchClient.POST("/api/v1/customers/{id}/unarchive", { params: { path: { id } } })),
  );
}

export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "DELETE /api/v1/customers/{id}",
    async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/customers/{id}", { params: { path: { id } } })),
    { onSuccess: (_, id) => queryClient.removeQueries({ queryKey: customerKey(id) }) },
  );
}

/**
 * Contacts belong to the customer: every change sends the customer's ETag and answers with its new one, which is
 * put in the cache at once (so a second change in a row is not refused as stale) before the customer is read again.
 */
function useKeepCustomerEtag() {
  const queryClient = useQueryClient();
  return (result: { response: Response; error?: unknown; data?: unknown }, customerId: string) => {
    unwrap(result);
    const etag = result.response.headers.get("ETag");
    if (etag) queryClient.setQueryData<VersionedCustomer>(customerKey(customerId), (old) => (old ? { ...old, etag } : old));
    return etag;
  };
}

export function useAddContact() {
  const keep = useKeepCustomerEtag();
  return useApiMutation(
    "POST /api/v1/customers/{id}/contacts",
    async ({ customerId, etag, body }: { customerId: string; etag: string | null; body: ContactBody }) =>
      keep(
        await fetchClient.POST("/api/v1/customers/{id}/contacts", { params: { path: { id: customerId }, header: { "If-Match": etag ?? "" } }, body }),
        customerId,
      ),
  );
}

export function useUpdateContact() {
  const keep = useKeepCustomerEtag();
  return useApiMutation(
    "PUT /api/v1/customers/{id}/contacts/{contactId}",
    async ({ customerId, contactId, etag, body }: { customerId: string; contactId: string; etag: string | null; body: ContactBody }) =>
      keep(
        await fetchClient.PUT("/api/v1/customers/{id}/contacts/{contactId}", {
          params: { path: { id: customerId, contactId }, header: { "If-Match": etag ?? "" } },
          body,
        }),
        customerId,
      ),
  );
}

export function useRemoveContact() {
  const keep = useKeepCustomerEtag();
  return useApiMutation(
    "DELETE /api/v1/customers/{id}/contacts/{contactId}",
    async ({ customerId, contactId, etag }: { customerId: string; contactId: string; etag: string | null }) =>
      keep(
        await fetchClient.DELETE("/api/v1/customers/{id}/contacts/{contactId}", {
          params: { path: { id: customerId, contactId }, header: { "If-Match": etag ?? "" } },
        }),
        customerId,
      ),
  );
}

export function useImportCustomers() {
  return useApiMutation("POST /api/v1/customers/import", async ({ file, dryRun }: { file: File; dryRun: boolean }) =>
    unwrap(
      await fetchClient.POST("/api/v1/customers/import", {
        params: { query: { dryRun } },
        body: { file: "" },
        bodySerializer: () => {
          const data = new FormData();
          data.append("file", file);
          return data;
        },
      }),
    ),
  );
}
