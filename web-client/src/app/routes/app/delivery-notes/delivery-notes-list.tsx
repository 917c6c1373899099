import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { WithCustomerName } from "@/components/filters/customer-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { urlFilters } from "@/lib/url-filters";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { noDeliveryNoteFilters } from "@/features/delivery-notes/api/delivery-notes";
import { DeliveryNotesTable } from "@/features/delivery-notes/components/delivery-notes-table";

/** "Bons de livraison": every note of the company; `?orderId=` / `?customerId=` / `?status=` open it filtered. */
export function DeliveryNotesListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const initial = urlFilters(params, noDeliveryNoteFilters);
  if (!hasPermission(me.data, "delivery-notes:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader title={t("nav.deliveryNotes")} description={t("deliveryNotes.listHelp")} />
      <Paper withBorder p="lg">
        <WithCustomerName customerId={initial.customerId}>
          {(name) => <DeliveryNotesTable key={params.toString()} initial={initial} initialCustomerName={name} />}
        </WithCustomerName>
      </Paper>
    </>
  );
}
