import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { WithCustomerName } from "@/components/filters/customer-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { CreditNotesTable } from "@/features/credit-notes/components/credit-notes-table";

export function CreditNotesListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  if (!hasPermission(me.data, "credit-notes:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader title={t("nav.creditNotes")} description={t("creditNotes.listHelp")} />
      <Paper withBorder p="lg">
        <WithCustomerName customerId={params.get("customerId")}>
          {(name) => (
            <CreditNotesTable key={params.toString()} invoiceId={params.get("invoiceId")} customerId={params.get("customerId")} customerName={name} />
          )}
        </WithCustomerName>
      </Paper>
    </>
  );
}
