import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Product = Schemas["ProductResponse"];
export type ProductBody = Schemas["ProductRequest"];
export type ProductNature = Schemas["ProductNature"];
export type ContractPeriodicity = NonNullable<Schemas["ContractPeriodicity"]>;
export type ImportReport = Schemas["ImportReport"];

export const productNatures: ProductNature[] = ["Goods", "Service"];
export const contractPeriodicities: ContractPeriodicity[] = ["Monthly", "Quarterly", "Yearly"];
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

export interface VersionedProduct {
  product: Product;
  etag: string | null;
}

const pageSize = 25;
const productsKey = ["get", "/api/v1/products"] as const;
const productKey = (id: string) => ["get", "/api/v1/products/{id}", id] as const;

export function useProducts(filters: ProductFilters) {
  const query = {
    limit: pageSize,
    search: filters.search || undefined,
    nature: filters.nature ?? undefined,
    // A switch left off means "no filter", not "only the ones without".
    forSale: filters.forSale || undefined,
    deliverable: filters.deliverable || undefined,
    isContract: filters.isContract || undefined,
    archived: filters.archived || undefined,
    sort: filters.sort,
  };
  return useInfiniteQuery({
    queryKey: [...productsKey, { params: { query } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await fetchClient.GET("/api/v1/products", { params: { query: { ...query, after: pageParam } }, signal })),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export function useUnitCodes() {
  return useQuery({
    queryKey: ["get", "/api/v1/products/units"],
    staleTime: Infinity,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/products/units", { signal })),
  });
}

export function useProduct(id: string) {
  return useQuery({
    queryKey: productKey(id),
    queryFn: async ({ signal }): Promise<VersionedProduct> => {
      const result = await fetchClient.GET("/api/v1/products/{id}", { params: { path: { id } }, signal });
      return { product: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ProductBody; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/products", { body, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsKey }),
  });
}

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, etag }: { id: string; body: ProductBody; etag: string | null }): Promise<VersionedProduct> => {
      const result = await fetchClient.PUT("/api/v1/products/{id}", {
        params: { path: { id }, header: { "If-Match": etag ?? "" } },
        body,
      });
      return { product: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(productKey(saved.product.id), saved);
      void queryClient.invalidateQueries({ queryKey: productsKey });
    },
  });
}

export function useSetProductArchived() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, archive, idempotencyKey }: { id: string; archive: boolean; idempotencyKey: string }) => {
      const options = { params: { path: { id } }, headers: { "Idempotency-Key": idempotencyKey } };
      return unwrap(
        archive
          ? await fetchClient.POST("/api/v1/products/{id}/archive", options)
          : await fetchClient.POST("/api/v1/products/{id}/unarchive", options),
      );
    },
    onSuccess: (_, { id }) => {
      void queryClient.invalidateQueries({ queryKey: productKey(id) });
      void queryClient.invalidateQueries({ queryKey: productsKey });
    },
  });
}

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/products/{id}", { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: productKey(id) });
      void queryClient.invalidateQueries({ queryKey: productsKey });
    },
  });
}

export function useImportProducts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun, idempotencyKey }: { file: File; dryRun: boolean; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/products/import", {
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
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: productsKey });
    },
  });
}
