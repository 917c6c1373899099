import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageLoader } from "@/components/ui/page-loader";
import { useApiQuery } from "@/api/query";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { type Contract, useLinesUnderContract } from "@/features/contracts/api/contracts";
import { ContractForm } from "@/features/contracts/components/contract-form";

/** A new contract: direct (`?customerId=&customerName=` to start with a customer) or from an order (`?orderId=`). */
export function ContractNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const orderId = params.get("orderId");
  const customerId = params.get("customerId");
  const order = useApiQuery("/api/v1/orders/{id}", { params: { path: { id: orderId ?? "" } } }, { enabled: !!orderId });
  const underContract = useLinesUnderContract(orderId ?? "", !!orderId);
  const onSaved = (contract: Contract) => void navigate(`/contracts/${contract.id}`, { replace: true });
  if (!hasPermission(me.data, "contracts:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      {orderId ? (
        <Anchor component={Link} to={`/orders/${orderId}`} size="sm" mb="sm" display="inline-block">
          ← {t("contracts.backToOrder")}
        </Anchor>
      ) : (
        <Anchor component={Link} to="/contracts" size="sm" mb="sm" display="inline-block">
          ← {t("contracts.backToList")}
        </Anchor>
      )}
      <PageHeader
        title={orderId && order.data ? t("contracts.newFromOrderTitle", { number: order.data.number }) : t("contracts.newTitle")}
      />
      {!orderId ? (
        <ContractForm defaults={customerId ? { customerId, customerName: params.get("customerName") } : undefined} onSaved={onSaved} />
      ) : order.isPending || !underContract.ready ? (
        <PageLoader />
      ) : order.isError ? (
        <ErrorState error={order.error} onRetry={() => void order.refetch()} />
      ) : (
        <ContractForm
          order={{
            id: order.data.id,
            number: order.data.number,
            customerId: order.data.customerId,
            customerName: order.data.customerName,
            lines: order.data.lines,
          }}
          linesUnderContract={underContract.under}
          onSaved={onSaved}
        />
      )}
    </>
  );
}
