import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useQuote } from "@/features/quotes/api/quotes";
import { QuoteEditor } from "@/features/quotes/components/quote-editor";

export function QuoteDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useQuote(id);
  // "?email=1": the e-mail dialog, asked for right after sending (it outlives the editor's remount on the new status).
  const [params, setParams] = useSearchParams();
  if (!hasPermission(me.data, "quotes:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/quotes" size="sm" mb="sm" display="inline-block">
        ← {t("quotes.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <QuoteEditor
          // A transition (send, accept…) changes the version: start again from the new state.
          key={`${query.data.value.id}-${query.data.value.status}-${query.data.value.orderId ?? ""}`}
          initial={query.data}
          canWrite={hasPermission(me.data, "quotes:write")}
          canWriteOrders={hasPermission(me.data, "orders:write")}
          onCreated={(newId) => void navigate(`/quotes/${newId}`)}
          onDeleted={() => void navigate("/quotes", { replace: true })}
          onOpen={(path) => void navigate(path)}
          emailRequested={params.get("email") === "1"}
          onEmailRequest={(open) => setParams(open ? { email: "1" } : {}, { replace: true })}
        />
      )}
    </>
  );
}
