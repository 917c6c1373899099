import { Button, Paper } from "@mantine/core";
import { IconFileInvoice, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { WithCustomerName } from "@/components/filters/customer-filter";
import { noInvoiceFilters } from "@/features/invoices/api/invoices";
import { urlFilters } from "@/lib/url-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { InvoicesTable } from "@/features/invoices/components/invoices-table";

export function InvoicesListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const initial = urlFilters(params, noInvoiceFilters);
  if (!hasPermission(me.data, "invoices:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader
        title={t("nav.invoices")}
        description={t("modules.invoices")}
        actions={
          hasPermission(me.data, "invoices:write") && (
            <>
              <Button component={Link} to="/invoices/new" leftSection={<IconFileInvoice size={16} />}>
                {t("invoices.invoiceOrder")}
              </Button>
              <Button component={Link} to="/invoices/new-direct" variant="default" leftSection={<IconPlus size={16} />}>
                {t("invoices.newDirect")}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder p="lg">
        <WithCustomerName customerId={initial.customerId}>
          {(name) => <InvoicesTable key={params.toString()} initial={initial} initialCustomerName={name} />}
        </WithCustomerName>
      </Paper>
    </>
  );
}
