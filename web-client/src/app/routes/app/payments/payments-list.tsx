import { Button, Paper } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { WithCustomerName } from "@/components/filters/customer-filter";
import { noPaymentFilters } from "@/features/payments/api/payments";
import { urlFilters } from "@/lib/url-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { PaymentsTable } from "@/features/payments/components/payments-table";

export function PaymentsListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const initial = urlFilters(params, noPaymentFilters);
  if (!hasPermission(me.data, "payments:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader
        title={t("nav.payments")}
        description={t("modules.payments")}
        actions={
          hasPermission(me.data, "payments:write") && (
            <Button component={Link} to="/payments/new" leftSection={<IconPlus size={16} />}>
              {t("payments.new")}
            </Button>
          )
        }
      />
      <Paper withBorder p="lg">
        <WithCustomerName customerId={initial.customerId}>
          {(name) => <PaymentsTable key={params.toString()} initial={initial} initialCustomerName={name} />}
        </WithCustomerName>
      </Paper>
    </>
  );
}
