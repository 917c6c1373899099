import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TotalsPanel } from "@/components/sales-lines/totals-panel";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { BillingStatusBadge } from "@/components/billing/billing-badges";
import { HistoryPanel, IntegrityPanel, LinkedDocumentsPanel, SnapshotPanel } from "@/components/billing/billing-document-parts";
import { BillingLinesTable } from "@/components/billing/billing-lines-table";
import { DocumentDeliveryButtons, DraftPreviewButton } from "@/components/billing/document-delivery-buttons";
import { DocumentEmailsPanel } from "@/components/billing/document-emails";
import { ValidateDocumentDialog } from "@/components/billing/validate-document-dialog";
import { OnceButton } from "@/components/ui/once-button";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type VersionedCreditNote, useDeleteCreditNote, useUpdateCreditNote, useValidateCreditNote } from "../api/credit-notes";

interface DraftValues {
  issueDate: string | null;
  reasonText: string;
}

/** The credit note: which invoice it corrects, why, its lines and totals; validated like an invoice, irreversibly. */
export function CreditNotePage({ data, canWrite, onDeleted }: { data: VersionedCreditNote; canWrite: boolean; onDeleted: () => void }) {
  const { t } = useTranslation();
  const note = data.value;
  const draft = note.status === "Draft";
  const editable = canWrite && draft;
  const [etag, setEtag] = useState(data.etag);
  const [dialog, setDialog] = useState<"validate" | "delete" | null>(null);
  const update = useUpdateCreditNote();
  const validate = useValidateCreditNote();
  const remove = useDeleteCreditNote();
  const { form, submitWith, failure, showFailure } = useApiForm<DraftValues>({
    initialValues: { issueDate: note.requestedIssueDate, reasonText: note.reasonText ?? "" },
  });
  const dirty = form.isDirty();

  const toRequest = (v: DraftValues) => ({
    id: note.id,
    etag,
    body: { issueDate: v.issueDate, reasonText: v.reasonText.trim() === "" ? null : v.reasonText, headerText: note.headerText, footerText: note.footerText, comment: note.comment },
  });
  const saved = (result: { etag: string | null }, values: DraftValues) => {
    setEtag(result.etag);
    form.resetDirty(values);
  };

  /** Saves the edits before the preview, so it shows what is on screen; a refusal shows on the fields, as a save's does. */
  async function saveFirst() {
    const values = form.getValues();
    try {
      saved(await update.mutateAsync(toRequest(values)), values);
    } catch (error) {
      showFailure(error, values);
      throw error;
    }
  }

  const save = submitWith(update, toRequest, (result, values) => {
    saved(result, values);
    notifications.show({ color: "green", message: t("creditNotes.saved") });
  });

  const title = note.number ? t("creditNotes.titleNumber", { number: note.number }) : t("creditNotes.draftTitle");
  const invoiceLink = { id: note.invoiceId, type: "Invoice", number: note.invoiceNumber, date: note.invoiceDate, totalIncludingVat: null };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="credit-note-title">
              {title}
            </Title>
            <BillingStatusBadge status={note.status} />
          </Group>
          <Text c="dimmed">
            {note.customerName} · {formatMoney(note.totals.totalIncludingVat)} {t("billing.ttc")} ·{" "}
            <Anchor component={Link} to={`/invoices/${note.invoiceId}`} data-testid="corrected-invoice-link">
              {t("creditNotes.correctsShort", { number: note.invoiceNumber, date: formatDate(note.invoiceDate) })}
            </Anchor>
          </Text>
        </div>
        {draft && (
          <Group gap="xs" align="flex-start">
            <DraftPreviewButton type="credit-notes" id={note.id} dirty={dirty} saveFirst={editable ? saveFirst : undefined} />
            {editable && (
              <>
            <Button color="green" leftSection={<IconCircleCheck size={16} />} onClick={() => setDialog("validate")} disabled={dirty} title={dirty ? t("orders.saveFirst") : undefined}>
              {t("billing.validate.action")}
            </Button>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setDialog("delete")}>
              {t("common.delete")}
            </Button>
              </>
            )}
          </Group>
        )}
      </Group>

      {!draft && note.number && (
        <DocumentDeliveryButtons
          type="credit-notes"
          id={note.id}
          number={note.number}
          customerId={note.customerId}
          canSend={canWrite}
          defaultSubject={t("creditNotes.sendSubject", { number: note.number })}
          defaultMessage={t("creditNotes.sendMessage", { number: note.number, invoice: note.invoiceNumber })}
        />
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Info label={t("invoices.number")} value={note.number ?? t("billing.draft")} testId="credit-note-number" />
          <Info label={t("invoices.issueDate")} value={formatDate(note.issueDate) || t("invoices.dateAtValidation")} />
          <Info label={t("creditNotes.reason")} value={t(`creditNotes.reasons.${note.reason}`)} />
          <Info label={t("creditNotes.invoice")} value={`${note.invoiceNumber} (${formatDate(note.invoiceDate)})`} />
        </SimpleGrid>
        {editable ? (
          <form onSubmit={save} noValidate aria-label={title}>
            <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
              <DatePickerInput
                label={t("invoices.requestedIssueDate")}
                description={t("invoices.requestedIssueDateHelp")}
                valueFormat="DD/MM/YYYY"
                clearable
                {...form.getInputProps("issueDate")}
              />
              <Textarea label={t("creditNotes.reasonText")} rows={2} {...form.getInputProps("reasonText")} />
            </SimpleGrid>
            <Group justify="flex-end" mt="md">
              <Button type="submit" loading={update.isPending} disabled={!dirty}>
                {t("common.save")}
              </Button>
            </Group>
          </form>
        ) : (
          note.reasonText && (
            <Text size="sm" mt="sm">
              {note.reasonText}
            </Text>
          )
        )}
      </Paper>
      {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("salesLines.title")}
        </Title>
        <BillingLinesTable lines={note.lines} />
        <Group justify="flex-end" align="flex-start" mt="md">
          <TotalsPanel totals={note.totals} />
          <Paper withBorder p="md" miw={260} aria-label={t("creditNotes.application")}>
            <Group justify="space-between">
              <Text size="sm">{t("creditNotes.appliedToInvoice")}</Text>
              <Text size="sm" data-testid="applied-to-invoice">
                {formatMoney(note.appliedToInvoice)}
              </Text>
            </Group>
            <Group justify="space-between">
              <Text size="sm">{t("creditNotes.customerCredit")}</Text>
              <Text size="sm" data-testid="customer-credit">
                {formatMoney(note.customerCredit)}
              </Text>
            </Group>
          </Paper>
        </Group>
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SnapshotPanel snapshot={note.snapshot} />
        <IntegrityPanel fingerprint={note.fingerprint} chainSequence={note.chainSequence} validatedAt={note.validatedAt} archive={note.archive} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LinkedDocumentsPanel links={[invoiceLink]} emptyText="" />
        <DocumentEmailsPanel type="credit-notes" id={note.id} />
        <HistoryPanel history={note.history} />
      </SimpleGrid>

      {dialog === "validate" && (
        <ValidateDocumentDialog
          opened
          documentLabel="creditNote"
          requestedDate={note.requestedIssueDate}
          notBefore={note.invoiceDate}
          mutation={validate}
          toVariables={(issueDate) => ({ id: note.id, issueDate })}
          onClose={() => setDialog(null)}
          onDone={(validated) => {
            setDialog(null);
            notifications.show({ color: "green", message: t("creditNotes.validatedDone", { number: validated.number }) });
          }}
        />
      )}
      <Modal opened={dialog === "delete"} onClose={() => setDialog(null)} title={t("creditNotes.deleteTitle")}>
        <Stack>
          {remove.error ? <ProblemAlert error={remove.error} /> : null}
          <Text size="sm">{t("creditNotes.deleteConfirm")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <OnceButton color="red" pending={remove.isPending} onClick={() => remove.mutate(note.id, { onSuccess: onDeleted })}>
              {t("common.delete")}
            </OnceButton>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Info({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
