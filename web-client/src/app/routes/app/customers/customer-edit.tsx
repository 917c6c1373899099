import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useCustomer } from "@/features/customers/api/customers";
import { CustomerForm } from "@/features/customers/components/customer-form";

export function CustomerEditRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useCustomer(id);
  if (!hasPermission(me.data, "customers:write")) return <EmptyState title={t("errors.forbidden")} />;
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeader title={t("customers.editNamed", { name: query.data.value.name })} />
      <Paper withBorder p="lg">
        <CustomerForm
          initial={query.data}
          onSaved={() => void navigate(`/customers/${id}`)}
          onCancel={() => void navigate(`/customers/${id}`)}
          onReload={async () => (await query.refetch()).data}
        />
      </Paper>
    </>
  );
}
