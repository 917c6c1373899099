import { Anchor } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { InvoiceFromOrderForm } from "@/features/invoices/components/invoice-from-order-form";

/** "Facturer une commande": ?orderId= comes from the order page; without it the order is picked here. */
export function InvoiceNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const orderId = params.get("orderId");
  if (!hasPermission(me.data, "invoices:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to={orderId ? `/orders/${orderId}` : "/invoices"} size="sm" mb="sm" display="inline-block">
        ← {orderId ? t("invoices.backToOrder") : t("invoices.backToList")}
      </Anchor>
      <PageHeader title={t("invoices.invoiceOrder")} description={t("invoices.fromOrder.description")} />
      <InvoiceFromOrderForm
        orderId={orderId}
        canReadSchedule={hasPermission(me.data, "billing-schedules:read")}
        onCreated={(invoice) => {
          notifications.show({ color: "green", message: t("invoices.created") });
          void navigate(`/invoices/${invoice.id}`, { replace: true });
        }}
      />
    </>
  );
}
