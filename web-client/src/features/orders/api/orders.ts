import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiInfiniteQuery, useApiMutation, useApiQuery, useVersionedQuery, versioned } from "@/api/query";
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
const orderKey = (id: string) => apiKey("/api/v1/orders/{id}", { params: { path: { id } } }, "versioned");
const scheduleKey = (id: string) => apiKey("/api/v1/orders/{id}/billing-schedule", { params: { path: { id } } }, "versioned");

export type VersionedOrder = Versioned<Order>;
/** Before the first plan the schedule has no ETag: the API then expects "0" as If-Match. */
export type VersionedSchedule = Versioned<BillingSchedule>;

export function useOrders(search: string, status: OrderStatus | null, leftToInvoice: boolean, customerId: string | null = null) {
  return useApiInfiniteQuery("/api/v1/orders", {
    params: {
      query: {
        limit: pageSize,
        search: search || undefined,
        status: status ?? undefined,
        leftToInvoice: leftToInvoice || undefined,
        customerId: customerId ?? undefined,
      },
    },
  });
}

export function useOrder(id: string) {
  return useVersionedQuery("/api/v1/orders/{id}", { params: { path: { id } } });
}

export function useCreateOrder() {
  return useApiMutation("POST /api/v1/orders", async ({ body }: { body: OrderRequest }) => unwrap(await fetchClient.POST("/api/v1/orders", { body })));
}

export function useUpdateOrder() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/orders/{id}",
    async ({ id, body, etag }: { id: string; body: OrderRequest; etag: string | null }): Promise<VersionedOrder> =>
      versioned(await fetchClient.PUT("/api/v1/orders/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(orderKey(saved.value.id), saved) },
  );
}

export function useDeleteOrder() {
  return useApiMutation("DELETE /api/v1/orders/{id}", async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/orders/{id}", { params: { path: { id } } })));
}

export type OrderAction = "validate" | "close";

export function useOrderTransition() {
  return useApiMutation(
    ({ action }: { id: string; action: OrderAction }) => (action === "validate" ? "POST /api/v1/orders/{id}/validate" : "POST /api/v1/orders/{id}/close"),
    async ({ id, action }: { id: string; action: OrderAction }) =>
      unwrap(
        action === "validate"
          ? await fetchClient.POST("/api/v1/orders/{id}/validate", { params: { path: { id } } })
          : await fetchClient.POST("/api/v1/orders/{id}/close", { params: { path: { id } } }),
      ),
  );
}

export function useCancelOrder() {
  return useApiMutation("POST /api/v1/orders/{id}/cancel", async ({ id, reason }: { id: string; reason: string }) =>
    unwrap(await fetchClient.POST("/api/v1/orders/{id}/cancel", { params: { path: { id } }, body: { reason } })),
  );
}

export function useBillingSchedule(orderId: string, enabled: boolean) {
  return useVersionedQuery("/api/v1/orders/{id}/billing-schedule", { params: { path: { id: orderId } } }, { enabled });
}

export function useSaveBillingSchedule() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/orders/{id}/billing-schedule",
    async ({ orderId, milestones, etag }: { orderId: string; milestones: MilestoneRequest[]; etag: string | null }): Promise<VersionedSchedule> => {
      const sent = etag ?? '"0"';
      const saved = versioned(
        await fetchClient.PUT("/api/v1/orders/{id}/billing-schedule", { params: { path: { id: orderId }, header: { "If-Match": sent } }, body: { milestones } }),
      );
      return { value: saved.value, etag: saved.etag ?? sent };
    },
    { onSuccess: (saved) => void queryClient.setQueryData(scheduleKey(saved.value.orderId), saved) },
  );
}

export function useBillingOverview(enabled: boolean) {
  return useApiQuery("/api/v1/billing-schedule", {}, { enabled });
}

/** The customer an order header shows (contacts, delivery addresses); also fetched on a pick to prefill the contact. */
export const orderCustomerQuery = (customerId: string | null) => ({
  queryKey: apiKey("/api/v1/customers/{id}", { params: { path: { id: customerId ?? "" } } }),
  queryFn: async ({ signal }: { signal: AbortSignal }) =>
    unwrap(await fetchClient.GET("/api/v1/customers/{id}", { params: { path: { id: customerId ?? "" } }, signal })),
});

export function useOrderCustomer(customerId: string | null) {
  return useQuery({ ...orderCustomerQuery(customerId), enabled: customerId !== null });
}

export function useSalespeople(enabled: boolean) {
  return useApiQuery("/api/v1/users", { params: { query: { limit: 100 } } }, { enabled });
}
