import { Alert, Button, Group, NumberInput, Paper, Radio, SegmentedControl, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileMinus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import type { components } from "@/api/schema";
import { BillingLinesTable } from "@/components/billing/billing-lines-table";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type CreditNote, type CreditNoteMode, type CreditNoteRequest, type CreditReason, creditNoteModes, creditReasons, useCreateCreditNote } from "../api/credit-notes";

type Invoice = components["schemas"]["InvoiceResponse"];
type AmountBasis = "amountExcludingVat" | "amountIncludingVat";

interface CreditNoteValues {
  mode: CreditNoteMode;
  reason: CreditReason;
  reasonText: string;
  /** Quantity to credit per invoice line id ("" = not credited). */
  quantities: Record<string, number | string>;
  basis: AmountBasis;
  amount: number | string;
}

/** The lines a "Lines" credit note sends: those with a quantity, in the order typed. */
const linesToSend = (quantities: CreditNoteValues["quantities"]) =>
  Object.entries(quantities)
    .filter(([, q]) => q !== "" && q !== null)
    .map(([invoiceLineId, q]) => ({ invoiceLineId, quantity: Number(q) }));

/**
 * The problem's names → the form's: `lines[i].quantity` is the row of the line sent at index i, any amount
 * (`amountExcludingVat`, `perRate…`) is the amount field.
 */
function toFormPath(path: string, sentLineIds: string[]) {
  const key = path.startsWith("$.") ? path.slice(2) : path;
  const line = /^lines\[(\d+)\]/i.exec(key);
  if (line) return sentLineIds[Number(line[1])] ? `quantities.${sentLineIds[Number(line[1])]}` : key;
  if (/^amount/i.test(key) || /^perRate/i.test(key)) return "amount";
  return key;
}

/** "Créer un avoir" from a validated invoice: everything, some lines and quantities, or an amount; the reason decides whether the order gets its "left to invoice" back. */
export function CreditNoteCreateForm({ invoice, onCreated }: { invoice: Invoice; onCreated: (note: CreditNote) => void }) {
  const { t } = useTranslation();
  const create = useCreateCreditNote();
  const { form, submitWith, failure } = useApiForm<CreditNoteValues>({
    initialValues: { mode: "Full", reason: "Correction", reasonText: "", quantities: {}, basis: "amountExcludingVat", amount: "" },
    mapProblem: (error, submitted) => {
      const sentLineIds = submitted.mode === "Lines" ? linesToSend(submitted.quantities).map((l) => l.invoiceLineId) : [];
      return renameProblemFields(error, (path) => toFormPath(path, sentLineIds));
    },
  });
  const values = form.getValues();
  const { mode, reason, basis } = values;
  const amountError = form.errors.amount;

  const submit = submitWith(
    create,
    (v) => {
      const body: CreditNoteRequest = { invoiceId: invoice.id, reason: v.reason, mode: v.mode, reasonText: v.reasonText.trim() === "" ? null : v.reasonText.trim() };
      if (v.mode === "Lines") body.lines = linesToSend(v.quantities);
      else if (v.mode === "Amount") {
        const value = v.amount === "" ? null : Number(v.amount);
        if (v.basis === "amountExcludingVat") body.amountExcludingVat = value;
        else body.amountIncludingVat = value;
      }
      return { body };
    },
    (note) => {
      notifications.show({ color: "green", message: t("creditNotes.created") });
      onCreated(note);
    },
  );

  const pricedLines = invoice.lines.filter((l) => l.kind === "Product" || l.kind === "Free");

  return (
    <form onSubmit={submit} noValidate aria-label={t("creditNotes.create")}>
      <Stack>
        <Paper withBorder p="md">
          <Text data-testid="corrected-invoice">
            {t("creditNotes.correctsInvoice", {
              number: invoice.number,
              date: formatDate(invoice.issueDate),
              amount: formatMoney(invoice.totals.totalIncludingVat, invoice.currency),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {invoice.customerName} · {t("creditNotes.stillCarried", { amount: formatMoney(invoice.amountDue, invoice.currency) })}
          </Text>
        </Paper>

        <Paper withBorder p="md">
          <Stack>
            <div>
              <Text size="sm" fw={500} mb={4} id="credit-mode-label">
                {t("creditNotes.mode")}
              </Text>
              <SegmentedControl
                aria-labelledby="credit-mode-label"
                data={creditNoteModes.map((m) => ({ value: m, label: t(`creditNotes.modes.${m}`) }))}
                value={mode}
                onChange={(v) => {
                  form.clearErrors();
                  form.setFieldValue("mode", v as CreditNoteMode);
                }}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {t(`creditNotes.modeHelp.${mode}`)}
              </Text>
            </div>
            {mode === "Lines" && (
              <BillingLinesTable
                lines={pricedLines}
                currency={invoice.currency}
                label={t("creditNotes.linesToCredit")}
                extraColumn={{
                  title: t("creditNotes.quantityToCredit"),
                  render: (line, i) => (
                    <NumberInput
                      aria-label={t("creditNotes.quantityOf", { n: i + 1 })}
                      decimalSeparator=","
                      hideControls
                      decimalScale={3}
                      min={0}
                      w={120}
                      value={values.quantities[line.id] ?? ""}
                      onChange={(v) => form.setFieldValue("quantities", { ...form.getValues().quantities, [line.id]: v })}
                      error={form.errors[`quantities.${line.id}`]}
                    />
                  ),
                }}
              />
            )}
            {mode === "Amount" && (
              <Group align="flex-end">
                <Radio.Group {...form.getInputProps("basis")} label={t("creditNotes.amountBasis")}>
                  <Group mt={4}>
                    <Radio value="amountExcludingVat" label={t("invoices.fromOrder.bases.amountExcludingVat")} />
                    <Radio value="amountIncludingVat" label={t("invoices.fromOrder.bases.amountIncludingVat")} />
                  </Group>
                </Radio.Group>
                <NumberInput
                  label={t(`invoices.fromOrder.values.${basis}`)}
                  decimalSeparator=","
                  hideControls
                  decimalScale={2}
                  min={0}
                  suffix=" €"
                  {...form.getInputProps("amount")}
                  w={220}
                />
              </Group>
            )}
            {mode !== "Amount" && amountError && (
              <Text c="red" size="sm" role="alert">
                {amountError}
              </Text>
            )}
            <Radio.Group label={t("creditNotes.reason")} {...form.getInputProps("reason")}>
              <Stack gap={6} mt={4}>
                {creditReasons.map((r) => (
                  <Radio
                    key={r}
                    value={r}
                    label={t(`creditNotes.reasons.${r}`)}
                    description={t(`creditNotes.reasonHelp.${r}`)}
                    aria-invalid={form.errors.reason ? true : undefined}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Alert color={reason === "Correction" ? "blue" : "orange"} variant="light" data-testid="reason-effect">
              {reason === "Correction" ? t("creditNotes.correctionEffect") : t("creditNotes.noLeftToInvoiceEffect")}
            </Alert>
            <Textarea label={t("creditNotes.reasonText")} rows={2} {...form.getInputProps("reasonText")} />
          </Stack>
        </Paper>

        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Group justify="space-between">
          <Title order={6} c="dimmed">
            {t("creditNotes.draftNotice")}
          </Title>
          <Button type="submit" leftSection={<IconFileMinus size={16} />} loading={create.isPending}>
            {t("creditNotes.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
