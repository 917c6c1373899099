import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { PaymentForm } from "@/features/payments/components/payment-form";

export function PaymentNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const customerId = params.get("customerId");
  if (!hasPermission(me.data, "payments:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/payments" size="sm" mb="sm" display="inline-block">
        ← {t("payments.backToList")}
      </Anchor>
      <PageHeader title={t("payments.newTitle")} description={t("payments.newHelp")} />
      <PaymentForm initialCustomer={customerId ? { id: customerId, name: params.get("customerName") } : null} />
    </>
  );
}
