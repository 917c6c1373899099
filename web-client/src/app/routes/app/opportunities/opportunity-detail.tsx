import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useOpportunity } from "@/features/opportunities/api/opportunities";
import { OpportunityDetail } from "@/features/opportunities/components/opportunity-detail";

export function OpportunityDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useOpportunity(id);
  if (!hasPermission(me.data, "opportunities:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/opportunities" size="sm" mb="sm" display="inline-block">
        ← {t("opportunities.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <OpportunityDetail
          key={query.data.etag ?? ""}
          data={query.data}
          canWrite={hasPermission(me.data, "opportunities:write")}
          canWriteQuotes={hasPermission(me.data, "quotes:write")}
          onWon={(orderId) => {
            if (orderId) void navigate(`/orders/${orderId}`);
          }}
        />
      )}
    </>
  );
}
