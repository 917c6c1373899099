import { Anchor, Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { RenewalsTable } from "@/features/contracts/components/renewals-table";

export function ContractRenewalsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, "contracts:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/contracts" size="sm" mb="sm" display="inline-block">
        ← {t("contracts.backToList")}
      </Anchor>
      <PageHeader title={t("contracts.renewals")} description={t("contracts.renewalsHelp")} />
      <Paper withBorder p="lg">
        <RenewalsTable canWrite={hasPermission(me.data, "contracts:write")} />
      </Paper>
    </>
  );
}
