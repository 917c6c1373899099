import { Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconAlertTriangle } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "@/api/query";
import { type FormMutation, useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";

/**
 * Validating an invoice or a credit note cannot be undone: the dialog says so plainly before anything is sent.
 * The date is optional (the API takes the draft's requested date, else today). The picker offers only the dates the
 * server accepts (`GET /numbering/{type}/issue-date-range`: not before the series' last document, the first fiscal year
 * or a closed period, not after today) and says why the earliest one is what it is.
 */
export function ValidateDocumentDialog<TData, TVariables>({
  opened,
  documentLabel,
  requestedDate,
  notBefore = null,
  mutation,
  toVariables,
  onClose,
  onDone,
}: {
  opened: boolean;
  /** "la facture" / "l'avoir", in the sentence. */
  documentLabel: "invoice" | "creditNote";
  requestedDate: string | null;
  /** A bound of the document itself (the date of the invoice a credit note corrects). */
  notBefore?: string | null;
  /** The validation, sent through the dialog's form: a refusal naming `issueDate` lands under the date. */
  mutation: FormMutation<TData, TVariables>;
  toVariables: (issueDate: string | null) => TVariables;
  onClose: () => void;
  onDone: (data: TData) => void;
}) {
  const { t } = useTranslation();
  const { form, submitWith, failure } = useApiForm<{ issueDate: string | null }>({ initialValues: { issueDate: requestedDate } });
  const submit = submitWith(mutation, (v) => toVariables(v.issueDate), onDone);
  const documentType = documentLabel === "invoice" ? "Invoice" : "CreditNote";
  const range = useApiQuery("/api/v1/numbering/{documentType}/issue-date-range", { params: { path: { documentType } } }, { enabled: opened }).data;
  const earliest =
    range && notBefore && notBefore > range.earliest
      ? { date: notBefore, reason: "CorrectedInvoice" as const }
      : range
        ? { date: range.earliest, reason: range.earliestReason }
        : notBefore
          ? { date: notBefore, reason: "CorrectedInvoice" as const }
          : null;
  const latest = range?.latest ?? dayjs().format("YYYY-MM-DD");
  const hint = [
    earliest ? t(`billing.validate.earliest.${earliest.reason}.${documentLabel}`, { date: formatDate(earliest.date) }) : null,
    t("billing.validate.latest", { date: formatDate(latest) }),
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Modal opened={opened} onClose={onClose} title={t(`billing.validate.title.${documentLabel}`)} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t("billing.validate.irreversible")} data-testid="irreversible-warning">
            <List size="sm" spacing={4}>
              <List.Item>{t("billing.validate.number")}</List.Item>
              <List.Item>{t("billing.validate.frozen")}</List.Item>
              <List.Item>{t(`billing.validate.correction.${documentLabel}`)}</List.Item>
            </List>
          </Alert>
          <DatePickerInput
            label={t("billing.validate.date")}
            description={
              <>
                {t("billing.validate.dateHelp")}
                <br />
                <span data-testid="issue-date-range">{hint}</span>
              </>
            }
            valueFormat="DD/MM/YYYY"
            clearable
            // Exactly the server's range: it refuses a date outside it (numbering_backdated, date_before_first_fiscal_year,
            // period_closed, credit_note_before_invoice, issue_date_in_future).
            minDate={earliest?.date}
            maxDate={latest}
            {...form.getInputProps("issueDate")}
          />
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <Text size="sm">{t("billing.validate.question")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="green" loading={mutation.isPending}>
              {t("billing.validate.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
