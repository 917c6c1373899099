import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useDeliveryNote } from "@/features/delivery-notes/api/delivery-notes";
import { DeliveryNotePage } from "@/features/delivery-notes/components/delivery-note-page";

export function DeliveryNoteDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useDeliveryNote(id);
  if (!hasPermission(me.data, "delivery-notes:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/delivery-notes" size="sm" mb="sm" display="inline-block">
        ← {t("deliveryNotes.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DeliveryNotePage
          // Validating, delivering or cancelling changes what can be done: start again from the new state.
          key={`${query.data.value.id}-${query.data.value.status}`}
          data={query.data}
          canWrite={hasPermission(me.data, "delivery-notes:write")}
          canReadAudit={hasPermission(me.data, "audit:read")}
          onDeleted={() => void navigate(`/orders/${query.data.value.orderId}`, { replace: true })}
        />
      )}
    </>
  );
}
