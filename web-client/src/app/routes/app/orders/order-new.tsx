import { Anchor, Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useOrderCustomer } from "@/features/orders/api/orders";
import { OrderCreateForm } from "@/features/orders/components/order-create-form";

/** A new draft order entered directly (not from a quote); ?customerId= pre-selects the customer. */
export function OrderNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const customerId = params.get("customerId");
  // The picker needs the customer's name to show it: look it up before showing the form.
  const customer = useOrderCustomer(customerId);
  if (!hasPermission(me.data, "orders:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/orders" size="sm" mb="sm" display="inline-block">
        ← {t("orders.backToList")}
      </Anchor>
      {customerId && customer.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <OrderCreateForm
          defaults={customer.data ? { customerId: customer.data.id, customerName: customer.data.name } : undefined}
          onCreated={(id) => void navigate(`/orders/${id}`, { replace: true })}
        />
      )}
    </>
  );
}
