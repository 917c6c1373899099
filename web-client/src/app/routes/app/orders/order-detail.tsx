import { Anchor, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useOrder } from "@/features/orders/api/orders";
import { OrderPage } from "@/features/orders/components/order-page";
import { CreateContractButton } from "@/features/contracts/components/create-contract-button";
import { OrderProjectButton } from "@/features/projects/components/order-project-button";
import { OrderDeliveriesSection, OrderDeliveryStatus, useDeliveredQuantities } from "@/features/delivery-notes/components/order-deliveries";

export function OrderDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useOrder(id);
  const delivered = useDeliveredQuantities(query.data?.value, hasPermission(me.data, "delivery-notes:read"));
  if (!hasPermission(me.data, "orders:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/orders" size="sm" mb="sm" display="inline-block">
        ← {t("orders.backToList")}
      </Anchor>
      {query.data && (
        // What else the order drives: a project, a subscription contract (delivery notes have their own section below).
        <Group justify="flex-end" align="flex-start" gap="md">
          {hasPermission(me.data, "projects:write") && <OrderProjectButton order={query.data.value} />}
          {hasPermission(me.data, "contracts:write") && <CreateContractButton order={query.data.value} />}
        </Group>
      )}
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <OrderPage
          // Validating, closing or cancelling changes what can be edited: start again from the new state.
          key={`${query.data.value.id}-${query.data.value.status}`}
          data={query.data}
          canWrite={hasPermission(me.data, "orders:write")}
          canReadSchedule={hasPermission(me.data, "billing-schedules:read")}
          canWriteSchedule={hasPermission(me.data, "billing-schedules:write")}
          canListUsers={hasPermission(me.data, "users:read")}
          canInvoice={hasPermission(me.data, "invoices:write")}
          onDeleted={() => void navigate("/orders", { replace: true })}
          deliveredQuantities={delivered}
          statusExtra={hasPermission(me.data, "delivery-notes:read") && <OrderDeliveryStatus order={query.data.value} />}
        />
      )}
      {query.data && hasPermission(me.data, "delivery-notes:read") && <OrderDeliveriesSection order={query.data.value} canWrite={hasPermission(me.data, "delivery-notes:write")} canInvoice={hasPermission(me.data, "invoices:write")} />}
    </>
  );
}
