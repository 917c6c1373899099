import { Button, Group, Modal, Radio, Select, Stack, Text } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type InvoiceTimeResponse, type Project, useDraftInvoicesOfOrder, useInvoiceTime } from "../api/projects";
import { formatHours } from "../lib/duration";
import { todayIso } from "../lib/week";

interface InvoiceTimeValues {
  upTo: string | null;
  target: "new" | "existing";
  invoiceId: string | null;
}

/**
 * "Facturer le temps": the billable time not invoiced yet, up to a date, becomes lines of a new draft invoice (of the
 * project's order, or a direct one) or of a draft invoice of the order already open; the entries are then locked.
 */
export function InvoiceTimeModal({ project, onClose, onInvoiced }: { project: Project; onClose: () => void; onInvoiced: (invoice: InvoiceTimeResponse) => void }) {
  const { t } = useTranslation();
  const invoice = useInvoiceTime();
  const drafts = useDraftInvoicesOfOrder(project.orderId, true);
  const draftChoices = (drafts.data?.items ?? []).map((d) => ({
    value: d.id,
    label: t("projects.draftInvoiceChoice", { date: formatDate(d.issueDate) || "—", amount: formatMoney(d.totalExcludingVat) }),
  }));
  const { form, submitWith, failure } = useApiForm<InvoiceTimeValues>({
    initialValues: { upTo: todayIso(), target: "new", invoiceId: null },
    validate: { invoiceId: (v, all) => (all.target === "existing" && !v ? t("errors.required") : null) },
  });
  const values = form.getValues();
  const submit = submitWith(
    invoice,
    (v) => ({ projectId: project.id, body: { upTo: v.upTo, invoiceId: v.target === "existing" ? v.invoiceId : null } }),
    (created) => {
      notifications.show({ color: "green", message: t("projects.timeInvoiced") });
      onInvoiced(created);
    },
  );

  return (
    <Modal opened onClose={onClose} title={t("projects.invoiceTime")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <Text size="sm" data-testid="invoice-time-summary">
            {t("projects.invoiceTimeExplain", {
              hours: formatHours(project.time.uninvoicedBillableHours),
              rate: formatMoney(project.hourlyRate),
              amount: formatMoney(project.time.uninvoicedAmount),
            })}
          </Text>
          <DatePickerInput label={t("projects.upTo")} description={t("projects.upToHelp")} valueFormat="DD/MM/YYYY" clearable {...form.getInputProps("upTo")} />
          {project.orderId && draftChoices.length > 0 && (
            <Radio.Group label={t("projects.invoiceTarget")} {...form.getInputProps("target")}>
              <Stack gap="xs" mt="xs">
                <Radio value="new" label={t("projects.newDraftInvoice")} />
                <Radio value="existing" label={t("projects.existingDraftInvoice")} />
              </Stack>
            </Radio.Group>
          )}
          {values.target === "existing" && (
            <Select label={t("projects.draftInvoice")} data={draftChoices} {...form.getInputProps("invoiceId")} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={invoice.isPending} data-autofocus>
              {t("projects.invoiceTimeConfirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
