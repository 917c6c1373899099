import { Alert, Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconFileMinus, IconLinkOff, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LineEditor } from "@/components/sales-lines/line-editor";
import { type LineDraft, type LinesValues, fromLineResponse, linesProblem, toLineRequest } from "@/components/sales-lines/sales-lines-api";
import { useApiForm } from "@/components/forms/use-api-form";
import { TotalsPanel } from "@/components/sales-lines/totals-panel";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import type { BillingLine } from "@/components/billing/billing-api";
import { type Invoice, type InvoiceRequest, type VersionedInvoice, useDeleteInvoice, useUpdateInvoice, useValidateInvoice } from "../api/invoices";
import { BillingStatusBadge, InvoiceKindBadge, OverdueBadge } from "@/components/billing/billing-badges";
import { HistoryPanel, IntegrityPanel, LinkedDocumentsPanel, SnapshotPanel } from "@/components/billing/billing-document-parts";
import { BillingLinesTable } from "@/components/billing/billing-lines-table";
import { DocumentDeliveryButtons, DraftPreviewButton } from "@/components/billing/document-delivery-buttons";
import { DocumentEmailsPanel } from "@/components/billing/document-emails";
import { ValidateDocumentDialog } from "@/components/billing/validate-document-dialog";
import { OnceButton } from "@/components/ui/once-button";

export function toLineDraft(line: BillingLine): LineDraft {
  return fromLineResponse({ ...line, isContractLine: false });
}

interface InvoiceValues extends LinesValues {
  issueDate: string | null;
  customerReference: string;
  headerText: string;
  footerText: string;
  comment: string;
}

const valuesOf = (i: Invoice): InvoiceValues => ({
  issueDate: i.requestedIssueDate,
  customerReference: i.customerReference ?? "",
  headerText: i.headerText ?? "",
  footerText: i.footerText ?? "",
  comment: i.comment ?? "",
  lines: i.lines.map(toLineDraft),
});

const orNull = (s: string) => (s.trim() === "" ? null : s);

/** The invoice: a draft can be completed, validated (irreversibly) or deleted; a validated invoice is frozen and corrected only by a credit note. */
export function InvoicePage({
  data,
  canWrite,
  canWriteCreditNotes,
  onDeleted,
  receivables,
}: {
  data: VersionedInvoice;
  canWrite: boolean;
  canWriteCreditNotes: boolean;
  onDeleted: () => void;
  /** Payment status, settlements and reminders of a validated invoice (shown under its amounts). */
  receivables?: ReactNode;
}) {
  const { t } = useTranslation();
  const invoice = data.value;
  const draft = invoice.status === "Draft";
  const direct = invoice.kind === "Direct";
  const editable = canWrite && draft;
  const [etag, setEtag] = useState(data.etag);
  const [dialog, setDialog] = useState<"validate" | "delete" | null>(null);
  const update = useUpdateInvoice();
  const validate = useValidateInvoice();
  const remove = useDeleteInvoice();
  const { form, submitWith, failure, clearFailure, showFailure } = useApiForm<InvoiceValues>({
    mapProblem: (error) => linesProblem(error),
    initialValues: valuesOf(invoice),
  });
  const dirty = form.isDirty();

  const save = submitWith(
    update,
    (v) => ({ id: invoice.id, etag, body: requestBody(v) }),
    (saved) => {
      applySaved(saved);
      notifications.show({ color: "green", message: t("invoices.saved") });
    },
  );

  /** Saves the edits before the preview, so it shows what is on screen; a refusal stays on the form. */
  async function saveFirst() {
    const submitted = form.getValues();
    clearFailure();
    try {
      applySaved(await update.mutateAsync({ id: invoice.id, etag, body: requestBody(submitted) }));
    } catch (e) {
      showFailure(e, submitted);
      throw e;
    }
  }

  function applySaved(saved: VersionedInvoice) {
    setEtag(saved.etag);
    reset(saved.value);
  }

  function reset(to: Invoice) {
    const next = valuesOf(to);
    form.setInitialValues(next);
    form.setValues(next);
    form.resetDirty(next);
    form.clearErrors();
    clearFailure();
  }

  function requestBody(v: InvoiceValues): InvoiceRequest {
    return {
      customerId: invoice.customerId,
      issueDate: v.issueDate,
      paymentTerms: invoice.paymentTerms,
      paymentMethod: invoice.paymentMethod,
      customerReference: orNull(v.customerReference),
      headerText: orNull(v.headerText),
      footerText: orNull(v.footerText),
      comment: orNull(v.comment),
      contactId: invoice.contactId,
      // The lines of an order invoice follow from the order: only a direct invoice sends its own.
      lines: direct ? v.lines.map(toLineRequest) : null,
    };
  }

  const title = invoice.number ? `${invoice.title} ${invoice.number}` : t("invoices.draftTitle", { title: invoice.title });

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="invoice-title">
              {title}
            </Title>
            <BillingStatusBadge status={invoice.status} />
            <InvoiceKindBadge kind={invoice.kind} />
            {invoice.isOverdue && <OverdueBadge />}
          </Group>
          <Text c="dimmed">
            {invoice.customerName} · {formatMoney(invoice.totals.totalIncludingVat, invoice.currency)} {t("billing.ttc")}
            {invoice.orderId && (
              <>
                {" · "}
                <Anchor component={Link} to={`/orders/${invoice.orderId}`}>
                  {t("invoices.orderLink", { number: invoice.orderNumber })}
                </Anchor>
              </>
            )}
          </Text>
        </div>
        <Group gap="xs" align="flex-start">
          {draft && <DraftPreviewButton type="invoices" id={invoice.id} dirty={dirty} saveFirst={editable ? saveFirst : undefined} />}
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
          {!draft && canWriteCreditNotes && (
            <Button variant="light" leftSection={<IconFileMinus size={16} />} component={Link} to={`/credit-notes/new?invoiceId=${invoice.id}`}>
              {t("invoices.createCreditNote")}
            </Button>
          )}
        </Group>
      </Group>

      {!invoice.traceableToOrder && (
        <Alert color="orange" variant="light" icon={<IconLinkOff size={16} />} data-testid="direct-invoice-notice">
          {t("invoices.directNotice")}
        </Alert>
      )}
      {draft && (
        <Alert color="gray" variant="light">
          {t("invoices.draftNotice")}
        </Alert>
      )}
      {!draft && invoice.number && (
        <DocumentDeliveryButtons
          type="invoices"
          id={invoice.id}
          number={invoice.number}
          customerId={invoice.customerId}
          canSend={canWrite}
          defaultSubject={t("invoices.sendSubject", { title: invoice.title, number: invoice.number })}
          defaultMessage={t("invoices.sendMessage", {
            title: invoice.title.toLowerCase(),
            number: invoice.number,
            amount: formatMoney(invoice.amountDue, invoice.currency),
            dueDate: formatDate(invoice.dueDate),
          })}
        />
      )}

      <form onSubmit={save} noValidate aria-label={title}>
      <Stack>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Info label={t("invoices.number")} value={invoice.number ?? t("billing.draft")} testId="invoice-number" />
          <Info label={t("invoices.issueDate")} value={formatDate(invoice.issueDate) || t("invoices.dateAtValidation")} />
          <Info label={t("invoices.dueDate")} value={formatDate(invoice.dueDate) || "—"} />
          {invoice.saleDate && <Info label={t("invoices.saleDate")} value={formatDate(invoice.saleDate)} testId="sale-date" />}
          <Info
            label={t("invoices.paymentTerms")}
            value={`${t(`paymentTerms.${invoice.paymentTerms.kind}`)}${invoice.paymentTerms.kind === "OnReceipt" ? "" : ` (${invoice.paymentTerms.days})`} · ${t(`orders.paymentMethods.${invoice.paymentMethod}`)}`}
          />
        </SimpleGrid>
        {editable ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
            <DatePickerInput
              label={t("invoices.requestedIssueDate")}
              description={t("invoices.requestedIssueDateHelp")}
              valueFormat="DD/MM/YYYY"
              clearable
              {...form.getInputProps("issueDate")}
            />
            <TextInput
              label={t("orders.customerReference")}
              {...form.getInputProps("customerReference")}
            />
            <Textarea label={t("orders.headerText")} rows={2} {...form.getInputProps("headerText")} />
            <Textarea label={t("orders.footerText")} rows={2} {...form.getInputProps("footerText")} />
            <Textarea label={t("orders.generalComment")} rows={2} {...form.getInputProps("comment")} />
          </SimpleGrid>
        ) : (
          invoice.customerReference && (
            <Text size="sm" mt="sm">
              {t("orders.customerReference")} : {invoice.customerReference}
            </Text>
          )
        )}
      </Paper>

      {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("salesLines.title")}
        </Title>
        {editable &&
          direct &&
          // A contract period's draft: the period each line covers, printed under it once validated.
          [...new Set(invoice.lines.flatMap((l) => (l.servicePeriod ? [t("billing.servicePeriod", { start: formatDate(l.servicePeriod.start), end: formatDate(l.servicePeriod.end) })] : [])))].map(
            (period) => (
              <Text key={period} size="sm" c="dimmed" mb="xs" data-testid="service-period">
                {period}
              </Text>
            ),
          )}
        {editable && direct ? (
          <LineEditor
            customerId={invoice.customerId}
            form={form}
            currency={invoice.currency}
          />
        ) : (
          <Stack>
            {editable && !direct && (
              <Text size="sm" c="dimmed">
                {t("invoices.linesFollowOrder")}
              </Text>
            )}
            <BillingLinesTable lines={invoice.lines} currency={invoice.currency} />
            <Group justify="flex-end" align="flex-start">
              <TotalsPanel totals={invoice.totals} currency={invoice.currency} />
              <Paper withBorder p="md" miw={260} aria-label={t("invoices.amountDue")}>
                <Group justify="space-between">
                  <Text size="sm">{t("invoices.creditedTotal")}</Text>
                  <Text size="sm">{formatMoney(invoice.creditedTotal, invoice.currency)}</Text>
                </Group>
                <Group justify="space-between">
                  <Text fw={700}>{t("invoices.amountDue")}</Text>
                  <Text fw={700} data-testid="amount-due">
                    {formatMoney(invoice.amountDue, invoice.currency)}
                  </Text>
                </Group>
              </Paper>
            </Group>
          </Stack>
        )}
      </Paper>

      {editable && (
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!dirty || update.isPending}
            onClick={() => {
              reset(invoice);
              update.reset();
            }}
          >
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!dirty}>
            {t("common.save")}
          </Button>
        </Group>
      )}

      </Stack>
      </form>

      {!draft && receivables}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SnapshotPanel snapshot={invoice.snapshot} />
        <IntegrityPanel fingerprint={invoice.fingerprint} chainSequence={invoice.chainSequence} validatedAt={invoice.validatedAt} archive={invoice.archive} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LinkedDocumentsPanel links={invoice.linkedDocuments} currency={invoice.currency} emptyText={t("invoices.noLinkedDocuments")} />
        <DocumentEmailsPanel type="invoices" id={invoice.id} />
        <HistoryPanel history={invoice.history} />
      </SimpleGrid>

      {dialog === "validate" && (
        <ValidateDocumentDialog
          opened
          documentLabel="invoice"
          requestedDate={invoice.requestedIssueDate}
          mutation={validate}
          toVariables={(issueDate) => ({ id: invoice.id, issueDate })}
          onClose={() => setDialog(null)}
          onDone={(validated) => {
            setDialog(null);
            notifications.show({ color: "green", message: t("invoices.validatedDone", { number: validated.number }) });
          }}
        />
      )}
      <Modal opened={dialog === "delete"} onClose={() => setDialog(null)} title={t("invoices.deleteTitle")}>
        <Stack>
          {remove.error ? <ProblemAlert error={remove.error} /> : null}
          <Text size="sm">{t("invoices.deleteConfirm")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <OnceButton color="red" pending={remove.isPending} onClick={() => remove.mutate(invoice.id, { onSuccess: onDeleted })}>
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
