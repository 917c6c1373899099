import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useContract } from "@/features/contracts/api/contracts";
import { ContractPage } from "@/features/contracts/components/contract-page";

export function ContractDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useContract(id);
  if (!hasPermission(me.data, "contracts:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/contracts" size="sm" mb="sm" display="inline-block">
        ← {t("contracts.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ContractPage
          key={`${query.data.value.id}-${query.data.value.status}`}
          contract={query.data.value}
          canWrite={hasPermission(me.data, "contracts:write")}
          canInvoice={hasPermission(me.data, "contracts:write") && hasPermission(me.data, "invoices:write")}
          onDeleted={() => void navigate("/contracts", { replace: true })}
        />
      )}
    </>
  );
}
