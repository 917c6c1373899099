import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { CustomerForm } from "@/features/customers/components/customer-form";

export function CustomerNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (!hasPermission(me.data, "customers:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader title={t("customers.create")} />
      <Paper withBorder p="lg">
        <CustomerForm
          initial={null}
          onSaved={(customer) => void navigate(`/customers/${customer.id}`, { replace: true })}
          onCancel={() => void navigate("/customers")}
        />
      </Paper>
    </>
  );
}
