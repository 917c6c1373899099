import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useCustomer } from "@/features/customers/api/customers";
import { CustomerDetail } from "@/features/customers/components/customer-detail";
import { CustomerDocuments } from "@/features/customers/components/customer-documents";
import { CustomerAccountPanel } from "@/features/payments/components/customer-account-panel";

export function CustomerDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useCustomer(id);
  if (!hasPermission(me.data, "customers:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/customers" size="sm" mb="sm" display="inline-block">
        ← {t("customers.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CustomerDetail
          data={query.data}
          canWrite={hasPermission(me.data, "customers:write")}
          onEdit={() => void navigate(`/customers/${id}/edit`)}
          onDeleted={() => void navigate("/customers", { replace: true })}
          onReload={() => void query.refetch()}
        />
      )}
      {query.data && (
        <CustomerDocuments customerId={query.data.value.id} customerName={query.data.value.name} can={(p) => hasPermission(me.data, p)} />
      )}
      {query.data && hasPermission(me.data, "payments:read") && (
        <div style={{ marginTop: "var(--mantine-spacing-md)" }}>
          <CustomerAccountPanel
            customerId={query.data.value.id}
            customerName={query.data.value.name}
            canWrite={hasPermission(me.data, "payments:write")}
          />
        </div>
      )}
    </>
  );
}
