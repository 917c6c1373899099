import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useContract } from "@/features/contracts/api/contracts";
import { ContractForm } from "@/features/contracts/components/contract-form";

/** A draft contract's terms and lines; an active one is changed only by renewal or termination. */
export function ContractEditRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useContract(id);
  if (!hasPermission(me.data, "contracts:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to={`/contracts/${id}`} size="sm" mb="sm" display="inline-block">
        ← {t("contracts.backToContract")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.value.status !== "Draft" ? (
        <EmptyState title={t("contracts.notEditable")} />
      ) : (
        <>
          <PageHeader title={t("contracts.editTitle", { number: query.data.value.reference })} />
          <ContractForm
            contract={query.data.value}
            etag={query.data.etag}
            onSaved={(saved) => void navigate(`/contracts/${saved.id}`, { replace: true })}
          />
        </>
      )}
    </>
  );
}
