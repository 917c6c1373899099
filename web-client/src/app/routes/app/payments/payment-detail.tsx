import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { usePayment } from "@/features/payments/api/payments";
import { PaymentPage } from "@/features/payments/components/payment-page";

export function PaymentDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const query = usePayment(id);
  if (!hasPermission(me.data, "payments:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/payments" size="sm" mb="sm" display="inline-block">
        ← {t("payments.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PaymentPage payment={query.data} canWrite={hasPermission(me.data, "payments:write")} />
      )}
    </>
  );
}
