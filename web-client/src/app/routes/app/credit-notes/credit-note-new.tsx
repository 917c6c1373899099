import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { CreditNoteCreateForm } from "@/features/credit-notes/components/credit-note-create-form";
import { useInvoice } from "@/features/invoices/api/invoices";

/** "Créer un avoir" from the page of a validated invoice (?invoiceId=). */
export function CreditNoteNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const invoiceId = params.get("invoiceId") ?? "";
  const invoice = useInvoice(invoiceId);
  if (!hasPermission(me.data, "credit-notes:write")) return <EmptyState title={t("errors.forbidden")} />;
  if (!invoiceId) return <EmptyState title={t("creditNotes.pickInvoice")} description={t("creditNotes.pickInvoiceHelp")} />;
  return (
    <>
      <Anchor component={Link} to={`/invoices/${invoiceId}`} size="sm" mb="sm" display="inline-block">
        ← {t("creditNotes.backToInvoice")}
      </Anchor>
      <PageHeader title={t("creditNotes.new")} />
      {invoice.isPending ? (
        <PageLoader />
      ) : invoice.isError ? (
        <ErrorState error={invoice.error} onRetry={() => void invoice.refetch()} />
      ) : invoice.data.value.status !== "Validated" ? (
        <EmptyState title={t("creditNotes.invoiceNotValidated")} />
      ) : (
        <CreditNoteCreateForm invoice={invoice.data.value} onCreated={(note) => void navigate(`/credit-notes/${note.id}`, { replace: true })} />
      )}
    </>
  );
}
