import { Alert, Button, Group, NumberInput, Paper, Radio, SegmentedControl, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileMinus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { asApiError } from "@/api/problem";
import { ProblemAlert } from "@/components/ui/problem-alert";
import type { components } from "@/api/schema";
import { BillingLinesTable } from "@/components/billing/billing-lines-table";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type CreditNote, type CreditNoteMode, type CreditNoteRequest, type CreditReason, creditNoteModes, creditReasons, useCreateCreditNote } from "../api/credit-notes";

type Invoice = components["schemas"]["InvoiceResponse"];
type AmountBasis = "amountExcludingVat" | "amountIncludingVat";

/** "Créer un avoir" from a validated invoice: everything, some lines and quantities, or an amount; the reason decides whether the order gets its "left to invoice" back. */
export function CreditNoteCreateForm({ invoice, onCreated }: { invoice: Invoice; onCreated: (note: CreditNote) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<CreditNoteMode>("Full");
  const [reason, setReason] = useState<CreditReason>("Correction");
  const [reasonText, setReasonText] = useState("");
  const [quantities, setQuantities] = useState<Record<string, number | string>>({});
  const [basis, setBasis] = useState<AmountBasis>("amountExcludingVat");
  const [amount, setAmount] = useState<number | string>("");
  const [sentLineIds, setSentLineIds] = useState<string[]>([]);
  const create = useCreateCreditNote();

  const errors = asApiError(create.error)?.problem.errors ?? {};
  const lineErrors: Record<string, string> = {};
  const other: string[] = [];
  let amountError: string | undefined;
  let reasonError: string | undefined;
  for (const [rawKey, messages] of Object.entries(errors)) {
    const key = rawKey.startsWith("$.") ? rawKey.slice(2) : rawKey;
    const m = /^[Ll]ines\[(\d+)\]/.exec(key);
    const id = m ? sentLineIds[Number(m[1])] : undefined;
    if (id) lineErrors[id] = messages.join(" ");
    else if (/^amount/i.test(key) || key.startsWith("perRate")) amountError = messages.join(" ");
    else if (/^reason/i.test(key)) reasonError = messages.join(" ");
    else other.push(messages.join(" "));
  }

  function submit() {
    const body: CreditNoteRequest = { invoiceId: invoice.id, reason, mode, reasonText: reasonText.trim() === "" ? null : reasonText.trim() };
    const ids: string[] = [];
    if (mode === "Lines") {
      body.lines = Object.entries(quantities)
        .filter(([, q]) => q !== "" && q !== null)
        .map(([invoiceLineId, q]) => {
          ids.push(invoiceLineId);
          return { invoiceLineId, quantity: Number(q) };
        });
    } else if (mode === "Amount") {
      const value = amount === "" ? null : Number(amount);
      if (basis === "amountExcludingVat") body.amountExcludingVat = value;
      else body.amountIncludingVat = value;
    }
    setSentLineIds(ids);
    create.mutate(
      { body },
      {
        onSuccess: (note) => {
          notifications.show({ color: "green", message: t("creditNotes.created") });
          onCreated(note);
        },
      },
    );
  }

  const pricedLines = invoice.lines.filter((l) => l.kind === "Product" || l.kind === "Free");
  const fieldShown = Object.keys(lineErrors).length > 0 || amountError || reasonError;

  return (
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
                create.reset();
                setMode(v as CreditNoteMode);
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
                    value={quantities[line.id] ?? ""}
                    onChange={(v) => setQuantities((q) => ({ ...q, [line.id]: v }))}
                    error={lineErrors[line.id]}
                  />
                ),
              }}
            />
          )}
          {mode === "Amount" && (
            <Group align="flex-end">
              <Radio.Group value={basis} onChange={(v) => setBasis(v as AmountBasis)} label={t("creditNotes.amountBasis")}>
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
                value={amount}
                onChange={setAmount}
                error={amountError}
                w={220}
              />
            </Group>
          )}
          {mode !== "Amount" && amountError && (
            <Text c="red" size="sm">
              {amountError}
            </Text>
          )}
          <Radio.Group label={t("creditNotes.reason")} value={reason} onChange={(v) => setReason(v as CreditReason)} error={reasonError}>
            <Stack gap={6} mt={4}>
              {creditReasons.map((r) => (
                <Radio key={r} value={r} label={t(`creditNotes.reasons.${r}`)} description={t(`creditNotes.reasonHelp.${r}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Alert color={reason === "Correction" ? "blue" : "orange"} variant="light" data-testid="reason-effect">
            {reason === "Correction" ? t("creditNotes.correctionEffect") : t("creditNotes.noLeftToInvoiceEffect")}
          </Alert>
          <Textarea label={t("creditNotes.reasonText")} rows={2} value={reasonText} onChange={(e) => setReasonText(e.currentTarget.value)} />
        </Stack>
      </Paper>

      {create.error && (!fieldShown || other.length > 0) ? <ProblemAlert error={create.error} extraMessages={other} /> : null}
      <Group justify="space-between">
        <Title order={6} c="dimmed">
          {t("creditNotes.draftNotice")}
        </Title>
        <Button leftSection={<IconFileMinus size={16} />} loading={create.isPending} onClick={submit}>
          {t("creditNotes.create")}
        </Button>
      </Group>
    </Stack>
  );
}
