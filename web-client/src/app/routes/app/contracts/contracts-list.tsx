import { Button, Paper } from "@mantine/core";
import { IconPlus, IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { WithCustomerName } from "@/components/filters/customer-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { noContractFilters } from "@/features/contracts/api/contracts";
import { ContractsTable } from "@/features/contracts/components/contracts-table";
import { urlFilters } from "@/lib/url-filters";

export function ContractsListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const initial = urlFilters(params, noContractFilters);
  if (!hasPermission(me.data, "contracts:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader
        title={t("nav.contracts")}
        description={t("modules.contracts")}
        actions={
          <>
            <Button component={Link} to="/contracts/renewals" variant="default" leftSection={<IconRefresh size={16} />}>
              {t("contracts.renewals")}
            </Button>
            {hasPermission(me.data, "contracts:write") && (
              <Button component={Link} to="/contracts/new" leftSection={<IconPlus size={16} />}>
                {t("contracts.new")}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="lg">
        <WithCustomerName customerId={initial.customerId}>
          {(name) => <ContractsTable key={params.toString()} initial={initial} initialCustomerName={name} />}
        </WithCustomerName>
      </Paper>
    </>
  );
}
