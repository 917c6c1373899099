import { Button, Paper } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { WithCustomerName } from "@/components/filters/customer-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { BillingOverview } from "@/features/orders/components/billing-overview";
import { OrdersTable } from "@/features/orders/components/orders-table";

export function OrdersListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const customerId = params.get("customerId");
  if (!hasPermission(me.data, "orders:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader
        title={t("nav.orders")}
        description={t("modules.orders")}
        actions={
          hasPermission(me.data, "orders:write") && (
            <Button component={Link} to="/orders/new" leftSection={<IconPlus size={16} />}>
              {t("orders.new")}
            </Button>
          )
        }
      />
      {hasPermission(me.data, "billing-schedules:read") && <BillingOverview />}
      <Paper withBorder p="lg">
        <WithCustomerName customerId={customerId}>
          {(name) => <OrdersTable key={params.toString()} initial={{ leftToInvoice: params.get("leftToInvoice") === "true", customerId, customerName: name }} />}
        </WithCustomerName>
      </Paper>
    </>
  );
}
