import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useOrder } from "@/features/orders/api/orders";
import { ProjectForm } from "@/features/projects/components/project-form";

/** A new project: directly, or from a validated order (`?orderId=`, the order page's "Créer un projet"). */
export function ProjectNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const orderId = params.get("orderId");
  const order = useOrder(orderId ?? "");
  if (!hasPermission(me.data, "projects:write")) return <EmptyState title={t("errors.forbidden")} />;
  const back = orderId ? `/orders/${orderId}` : "/projects";
  const canListUsers = hasPermission(me.data, "users:read");
  const done = (id: string) => void navigate(`/projects/${id}`, { replace: true });
  return (
    <>
      <Anchor component={Link} to={back} size="sm" mb="sm" display="inline-block">
        ← {orderId ? t("projects.backToOrder") : t("projects.backToList")}
      </Anchor>
      <PageHeader title={t("projects.newTitle")} description={orderId ? t("projects.newFromOrderHelp") : t("projects.newHelp")} />
      {!orderId ? (
        <ProjectForm canListUsers={canListUsers} onSaved={(p) => done(p.id)} onCancel={() => void navigate(back)} />
      ) : order.isPending ? (
        <PageLoader />
      ) : order.isError ? (
        <ErrorState error={order.error} onRetry={() => void order.refetch()} />
      ) : (
        <ProjectForm
          canListUsers={canListUsers}
          fromOrder={{
            orderId: order.data.value.id,
            orderNumber: order.data.value.number,
            customerId: order.data.value.customerId,
            customerName: order.data.value.customerName,
            suggestedName: t("projects.suggestedName", { number: order.data.value.number ?? "", customer: order.data.value.customerName }),
          }}
          onSaved={(p) => done(p.id)}
          onCancel={() => void navigate(back)}
        />
      )}
    </>
  );
}
