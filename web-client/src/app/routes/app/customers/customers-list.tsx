import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { CustomersTable } from "@/features/customers/components/customers-table";

export function CustomersListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (!hasPermission(me.data, "customers:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader title={t("nav.customers")} description={t("modules.customers")} />
      <Paper withBorder p="lg">
        <CustomersTable
          canWrite={hasPermission(me.data, "customers:write")}
          onOpen={(id) => void navigate(`/customers/${id}`)}
          onCreate={() => void navigate("/customers/new")}
        />
      </Paper>
    </>
  );
}
