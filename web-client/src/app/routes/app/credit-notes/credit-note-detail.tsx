import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useCreditNote } from "@/features/credit-notes/api/credit-notes";
import { CreditNotePage } from "@/features/credit-notes/components/credit-note-page";

export function CreditNoteDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useCreditNote(id);
  if (!hasPermission(me.data, "credit-notes:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/credit-notes" size="sm" mb="sm" display="inline-block">
        ← {t("creditNotes.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CreditNotePage
          key={`${query.data.value.id}-${query.data.value.status}`}
          data={query.data}
          canWrite={hasPermission(me.data, "credit-notes:write")}
          onDeleted={() => void navigate("/credit-notes", { replace: true })}
        />
      )}
    </>
  );
}
