import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { asApiError } from "@/api/problem";
import { TotalsPanel } from "@/components/sales-lines/totals-panel";
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

/** The credit note: which invoice it corrects, why, its lines and totals; validated like an invoice, irreversibly. */
export function CreditNotePage({ data, canWrite, onDeleted }: { data: VersionedCreditNote; canWrite: boolean; onDeleted: () => void }) {
  const { t } = useTranslation();
  const note = data.value;
  const draft = note.status === "Draft";
  const editable = canWrite && draft;
  const [etag, setEtag] = useState(data.etag);
  const [issueDate, setIssueDate] = useState<string | null>(note.requestedIssueDate);
  const [reasonText, setReasonText] = useState(note.reasonText ?? "");
  const [dirty, setDirty] = useState(false);
  const [dialog, setDialog] = useState<"validate" | "delete" | null>(null);
  const update = useUpdateCreditNote();
  const validate = useValidateCreditNote();
  const remove = useDeleteCreditNote();
  const fieldErrors = asApiError(update.error)?.problem.errors ?? {};

  const body = () => ({ issueDate, reasonText: reasonText.trim() === "" ? null : reasonText, headerText: note.headerText, footerText: note.footerText, comment: note.comment });

  /** Saves the edits before the preview, so it shows what is on screen. */
  async function saveFirst() {
    const saved = await update.mutateAsync({ id: note.id, etag, body: body() });
    setEtag(saved.etag);
    setDirty(false);
  }

  function save() {
    update.mutate(
      { id: note.id, etag, body: body() },
      {
        onSuccess: (saved) => {
          setEtag(saved.etag);
          setDirty(false);
          notifications.show({ color: "green", message: t("creditNotes.saved") });
        },
      },
    );
  }

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
          <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
            <DatePickerInput
              label={t("invoices.requestedIssueDate")}
              description={t("invoices.requestedIssueDateHelp")}
              valueFormat="DD/MM/YYYY"
              clearable
              value={issueDate}
              onChange={(v) => {
                setIssueDate(v);
                setDirty(true);
              }}
              error={fieldErrors.issueDate?.join(" ")}
            />
            <Textarea
              label={t("creditNotes.reasonText")}
              rows={2}
              value={reasonText}
              onChange={(e) => {
                setReasonText(e.currentTarget.value);
                setDirty(true);
              }}
              error={fieldErrors.reasonText?.join(" ")}
            />
          </SimpleGrid>
        ) : (
          note.reasonText && (
            <Text size="sm" mt="sm">
              {note.reasonText}
            </Text>
          )
        )}
        {editable && (
          <Group justify="flex-end" mt="md">
            <Button onClick={save} loading={update.isPending} disabled={!dirty}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Paper>
      {update.error ? <ProblemAlert error={update.error} /> : null}

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
          pending={validate.isPending}
          error={validate.error}
          onClose={() => {
            validate.reset();
            setDialog(null);
          }}
          onConfirm={(date) =>
            validate.mutate(
              { id: note.id, issueDate: date },
              {
                onSuccess: (validated) => {
                  setDialog(null);
                  notifications.show({ color: "green", message: t("creditNotes.validatedDone", { number: validated.number }) });
                },
              },
            )
          }
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
