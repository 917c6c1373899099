import { useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiInfiniteQuery, useApiMutation, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Product = Schemas["ProductResponse"];
export type ProductBody = Schemas["ProductRequest"];
export type ProductNature = Schemas["ProductNature"];
export type ContractPeriodicity = NonNullable<Schemas["ContractPeriodicity"]>;
export type ImportReport = Schemas["ImportReport"];

export const productNatures: ProductNature[] = ["Goods", "Service"];
export const contractPeriodicities: ContractPeriodicity[] = ["Monthly", "Quarterly", "HalfYearly", "Yearly"];
/** The French VAT rates the API accepts (CGI art. 278 ff.). */
export const vatRates = [20, 10, 5.5, 2.1, 0];

export interface ProductFilters {
  search: string;
  nature: ProductNature | null;
  forSale: boolean;
  deliverable: boolean;
  isContract: boolean;
  archived: boolean;
  /** `code`, `name`, `unitPrice`, `-` for descending */
  sort: string;
}

export type VersionedProduct = Versioned<Product>;

const pageSize = 25;
const productKey = (id: string) => apiKey("/api/v1/products/{id}", { params: { path: { id } } }, "versioned");

export function useProducts(filters: ProductFilters) {
  return useApiInfiniteQuery("/api/v1/products", {
    params: {
      query: {
        limit: pageSize,
        search: filters.search || undefined,
        nature: filters.nature ?? undefined,
        // A switch left off means "no filter", not "only the ones without".
        forSale: filters.forSale || undefined,
        deliverable: filters.deliverable || undefined,
        isContract: filters.isContract || undefined,
        archived: filters.archived || undefined,
        sort: filters.sort,
      },
    },
  });
}

export { useUnitCodes } from "@/components/sales-lines/sales-lines-api";

export function useProduct(id: string) {
  return useVersionedQuery("/api/v1/products/{id}", { params: { path: { id } } });
}

export function useCreateProduct() {
  return useApiMutation("POST /api/v1/products", async ({ body }: { body: ProductBody }) => unwrap(await fetchClient.POST("/api/v1/products", { body })));
}

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/products/{id}",
    async ({ id, body, etag }: { id: string; body: ProductBody; etag: string | null }): Promise<VersionedProduct> =>
      versioned(await fetchClient.PUT("/api/v1/products/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(productKey(saved.value.id), saved) },
  );
}

/** Archiving moves the version: the detail is read again (invalidation) for its new ETag. */
export function useSetProductArchived() {
  return useApiMutation(
    ({ archive }: { id: string; archive: boolean }) => (archive ? "POST /api/v1/products/{id}/archive" : "POST /api/v1/products/{id}/unarchive"),
    async ({ id, archive }: { id: string; archive: boolean }) =>
      unwrap(
        archive
          ? await fetchClient.POST("/api/v1/products/{id}/archive", { params: { path: { id } } })
          : await fetchClient.POST("/api/v1/products/{id}/unarchive", { params: { path: { id } } }),
      ),
  );
}

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "DELETE /api/v1/products/{id}",
    async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/products/{id}", { params: { path: { id } } })),
    { onSuccess: (_, id) => queryClient.removeQueries({ queryKey: productKey(id) }) },
  );
}

export function useImportProducts() {
  return useApiMutation("POST /api/v1/products/import", async ({ file, dryRun }: { file: File; dryRun: boolean }) =>
    unwrap(
      await fetchClient.POST("/api/v1/products/import", {
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
