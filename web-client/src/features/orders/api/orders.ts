import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type Order = Schemas["OrderResponse"];
export type OrderStatus = Schemas["OrderStatus"];
export type OrderRequest = Schemas["OrderRequest"];
export type BillingSchedule = Schemas["BillingScheduleResponse"];
export type MilestoneRequest = Schemas["MilestoneRequest"];
export type PaymentMethod = Schemas["PaymentMethod"];
export type OrderCustomer = Schemas["CustomerResponse"];
export const orderStatuses: OrderStatus[] = ["Draft", "InProgress", "Closed", "Cancelled"];
export const paymentMethods: PaymentMethod[] = ["BankTransfer", "Card", "Cheque", "Cash", "DirectDebit", "Other"];

const pageSize = 25;
const ordersKey = ["get", "/api/v1/orders"] as const;
const overviewKey = ["get", "/api/v1/billing-schedule"] as const;

export interface VersionedOrder {
  order: Order;
  etag: string | null;
}

export function useOrders(search: string, status: OrderStatus | null, leftToInvoice: boolean) {
  return useInfiniteQuery({
    queryKey: [...ordersKey, { params: { query: { search, status, leftToInvoice, limit: pageSize } } }, "infinite"],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await fetchClient.GET("/api/v1/orders", {
          params: {
            query: {
              limit: pageSize,
              after: pageParam,
              search: search || undefined,
              status: status ?? undefined,
              leftToInvoice: leftToInvoice || undefined,
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: [...ordersKey, id, "versioned"],
    queryFn: async ({ signal }): Promise<VersionedOrder> => {
      const result = await fetchClient.GET("/api/v1/orders/{id}", { params: { path: { id } }, signal });
      return { order: unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });
}

function invalidateOrders(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ordersKey });
  void queryClient.invalidateQueries({ queryKey: overviewKey });
}

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: OrderRequest; idempotencyKey: string }) =>
      unwrap(await fetchClient.POST("/api/v1/orders", { body, headers: { "Idempotency-Key": idempotencyKey } })),
    onSuccess: () => invalidateOrders(queryClient),
  });
}

export function useUpdateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body, etag }: { id: string; body: OrderRequest; etag: string | null }): Promise<VersionedOrder> => {
      const result = await fetchClient.PUT("/api/v1/orders/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body });
      return { order: unwrap(result), etag: result.response.headers.get("ETag") };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData([...ordersKey, saved.order.id, "versioned"], saved);
      invalidateOrders(queryClient);
    },
  });
}

export function useDeleteOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/orders/{id}", { params: { path: { id } } })),
    onSuccess: () => invalidateOrders(queryClient),
  });
}

export type OrderAction = "validate" | "close";

export function useOrderTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, idempotencyKey }: { id: string; action: OrderAction; idempotencyKey: string }) => {
      const options = { params: { path: { id } }, headers: { "Idempotency-Key": idempotencyKey } };
      return unwrap(
        action === "validate"
          ? await fetchClient.POST("/api/v1/orders/{id}/validate", options)
          : await fetchClient.POST("/api/v1/orders/{id}/close", options),
      );
    },
    onSuccess: () => {
      invalidateOrders(queryClient);
      void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/quotes"] });
    },
  });
}

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason, idempotencyKey }: { id: string; reason: string; idempotencyKey: string }) =>
      unwrap(
        await fetchClient.POST("/api/v1/orders/{id}/cancel", { params: { path: { id } }, headers: { "Idempotency-Key": idempotencyKey }, body: { reason } }),
      ),
    onSuccess: () => invalidateOrders(queryClient),
  });
}

export interface VersionedSchedule {
  schedule: BillingSchedule;
  etag: string;
}

export function useBillingSchedule(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ordersKey, orderId, "billing-schedule"],
    enabled,
    queryFn: async ({ signal }): Promise<VersionedSchedule> => {
      const result = await fetchClient.GET("/api/v1/orders/{id}/billing-schedule", { params: { path: { id: orderId } }, signal });
      // Before the first plan the API expects "0".
      return { schedule: unwrap(result), etag: result.response.headers.get("ETag") ?? '"0"' };
    },
  });
}

export function useSaveBillingSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ orderId, milestones, etag }: { orderId: string; milestones: MilestoneRequest[]; etag: string }): Promise<VersionedSchedule> => {
      const result = await fetchClient.PUT("/api/v1/orders/{id}/billing-schedule", {
        params: { path: { id: orderId }, header: { "If-Match": etag } },
        body: { milestones },
      });
      return { schedule: unwrap(result), etag: result.response.headers.get("ETag") ?? etag };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData([...ordersKey, saved.schedule.orderId, "billing-schedule"], saved);
      void queryClient.invalidateQueries({ queryKey: overviewKey });
    },
  });
}

export function useBillingOverview(enabled: boolean) {
  return useQuery({
    queryKey: [...overviewKey],
    enabled,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/billing-schedule", { signal })),
  });
}

/** The customer's contacts and delivery addresses, for the order header pickers. */
/** The customer an order header shows (contacts, delivery addresses); also fetched on a pick to prefill the contact. */
export const orderCustomerQuery = (customerId: string | null) => ({
  queryKey: ["get", "/api/v1/customers", customerId],
  queryFn: async ({ signal }: { signal: AbortSignal }) =>
    unwrap(await fetchClient.GET("/api/v1/customers/{id}", { params: { path: { id: customerId! } }, signal })),
});

export function useOrderCustomer(customerId: string | null) {
  return useQuery({ ...orderCustomerQuery(customerId), enabled: customerId !== null });
}

export function useSalespeople(enabled: boolean) {
  return useQuery({
    queryKey: ["get", "/api/v1/users", { params: { query: { limit: 100 } } }],
    enabled,
    queryFn: async ({ signal }) => unwrap(await fetchClient.GET("/api/v1/users", { params: { query: { limit: 100 } }, signal })),
  });
}
