import { Anchor, Button, Group, Paper, Select } from "@mantine/core";
import { useState } from "react";
import { useApiQuery } from "@/api/query";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { CreditNoteCreateForm } from "@/features/credit-notes/components/credit-note-create-form";
import { useInvoice } from "@/features/invoices/api/invoices";

/** From a customer's page (?customerId=&customerName=): pick which of its validated invoices the credit note corrects. */
function PickCustomerInvoice({ customerId, customerName }: { customerId: string; customerName: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [invoiceId, setInvoiceId] = useState<string | null>(null);
  const invoices = useApiQuery("/api/v1/invoices", { params: { query: { customerId, status: "Validated", limit: 100 } } });
  if (invoices.isPending) return <PageLoader />;
  if (invoices.isError) return <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} />;
  if (invoices.data.items.length === 0) return <EmptyState title={t("creditNotes.noValidatedInvoice")} />;
  return (
    <Paper withBorder p="lg" maw={560}>
      <Select
        label={t("creditNotes.pickCustomerInvoice", { name: customerName ?? "" })}
        data={invoices.data.items.map((i) => ({
          value: i.id,
          label: `${i.number ?? ""} · ${formatDate(i.issueDate)} · ${formatMoney(i.totalIncludingVat)}`,
        }))}
        value={invoiceId}
        onChange={setInvoiceId}
        searchable
      />
      <Group justify="flex-end" mt="md">
        <Button disabled={!invoiceId} onClick={() => void navigate(`/credit-notes/new?invoiceId=${invoiceId}`)}>
          {t("creditNotes.continue")}
        </Button>
      </Group>
    </Paper>
  );
}

/** "Créer un avoir" from the page of a validated invoice (?invoiceId=), or from a customer's page (?customerId=). */
export function CreditNoteNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const invoiceId = params.get("invoiceId") ?? "";
  const invoice = useInvoice(invoiceId);
  if (!hasPermission(me.data, "credit-notes:write")) return <EmptyState title={t("errors.forbidden")} />;
  const customerId = params.get("customerId");
  if (!invoiceId && customerId)
    return (
      <>
        <Anchor component={Link} to={`/customers/${customerId}`} size="sm" mb="sm" display="inline-block">
          ← {t("customers.backToCustomer")}
        </Anchor>
        <PageHeader title={t("creditNotes.new")} />
        <PickCustomerInvoice customerId={customerId} customerName={params.get("customerName")} />
      </>
    );
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
