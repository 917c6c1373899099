import { Anchor, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { DeliveryNoteForm } from "@/features/delivery-notes/components/delivery-note-form";

/** "Créer un bon de livraison", opened from a validated order (`?orderId=`). */
export function DeliveryNoteNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const orderId = params.get("orderId");
  if (!hasPermission(me.data, "delivery-notes:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to={orderId ? `/orders/${orderId}` : "/delivery-notes"} size="sm" mb="sm" display="inline-block">
        ← {orderId ? t("deliveryNotes.backToOrder") : t("deliveryNotes.backToList")}
      </Anchor>
      <PageHeader title={t("deliveryNotes.new")} description={t("deliveryNotes.newHelp")} />
      {orderId ? (
        <DeliveryNoteForm
          orderId={orderId}
          onCancel={() => void navigate(`/orders/${orderId}`)}
          onDone={(note) => {
            notifications.show({ color: "green", message: t("deliveryNotes.created") });
            void navigate(`/delivery-notes/${note.id}`, { replace: true });
          }}
        />
      ) : (
        <Text c="dimmed">{t("deliveryNotes.fromOrderOnly")}</Text>
      )}
    </>
  );
}
