import { Button, Paper } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { WithCustomerName } from "@/components/filters/customer-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { QuotesTable } from "@/features/quotes/components/quotes-table";

export function QuotesListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const customerId = params.get("customerId");
  if (!hasPermission(me.data, "quotes:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader
        title={t("nav.quotes")}
        description={t("modules.quotes")}
        actions={
          hasPermission(me.data, "quotes:write") && (
            <Button component={Link} to="/quotes/new" leftSection={<IconPlus size={16} />}>
              {t("quotes.new")}
            </Button>
          )
        }
      />
      <Paper withBorder p="lg">
        <WithCustomerName customerId={customerId}>
          {(name) => <QuotesTable key={params.toString()} initial={{ customerId, customerName: name }} />}
        </WithCustomerName>
      </Paper>
    </>
  );
}
