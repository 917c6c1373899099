import { Anchor, Badge, Button, Group, Paper, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { IconArrowsSplit, IconEraser } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { distribute, fromCents, sumCents, toCents } from "../allocation";
import type { OpenInvoice } from "../api/payments";
import { PaymentStatusBadge } from "./payment-badges";

/** Amount typed per invoice id, as the user typed it ("120,50"). */
export type AllocationValues = Record<string, string>;

const centsText = (cents: number) => (cents === 0 ? "" : fromCents(cents).toFixed(2).replace(".", ","));

/** Entered allocations as the API wants them (only the positive amounts, in the table's order). */
export function allocationsToSend(invoices: OpenInvoice[], values: AllocationValues) {
  return invoices
    .map((i) => ({ invoiceId: i.invoiceId, cents: toCents(values[i.invoiceId] ?? "") ?? 0 }))
    .filter((a) => a.cents > 0)
    .map((a) => ({ invoiceId: a.invoiceId, amount: fromCents(a.cents) }));
}

/**
 * The customer's open invoices (oldest due date first, as the API sends them) with an amount to allocate to each.
 * "Répartir automatiquement" spreads the payment's amount over them, oldest due first, up to each outstanding amount.
 */
export function AllocationTable({
  invoices,
  amount,
  values,
  onChange,
  errors = {},
  currency = "EUR",
  disabled = false,
}: {
  invoices: OpenInvoice[];
  /** The amount to spread, as typed; null when none is given yet. */
  amount: string | null;
  values: AllocationValues;
  onChange: (values: AllocationValues) => void;
  errors?: Record<string, string>;
  currency?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const amountCents = amount === null ? null : toCents(amount);
  const allocatedCents = sumCents(invoices.map((i) => toCents(values[i.invoiceId] ?? "") ?? 0));
  const restCents = amountCents === null ? null : amountCents - allocatedCents;

  function autoFill() {
    if (amountCents === null) return;
    const { allocations } = distribute(amountCents, invoices);
    onChange(Object.fromEntries(invoices.map((i) => [i.invoiceId, centsText(allocations[i.invoiceId] ?? 0)])));
  }

  if (invoices.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="no-open-invoices">
        {t("payments.noOpenInvoices")}
      </Text>
    );
  }

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t("payments.allocationTitle")}</Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconArrowsSplit size={14} />}
            onClick={autoFill}
            disabled={disabled || amountCents === null || amountCents <= 0}
          >
            {t("payments.autoAllocate")}
          </Button>
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconEraser size={14} />} onClick={() => onChange({})} disabled={disabled}>
            {t("payments.clearAllocations")}
          </Button>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={4} striped aria-label={t("payments.allocationTitle")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("payments.invoice")}</Table.Th>
              <Table.Th>{t("payments.issueDate")}</Table.Th>
              <Table.Th>{t("payments.dueDate")}</Table.Th>
              <Table.Th ta="right">{t("payments.invoiceTotal")}</Table.Th>
              <Table.Th ta="right">{t("payments.outstanding")}</Table.Th>
              <Table.Th>{t("payments.status")}</Table.Th>
              <Table.Th w={150} ta="right">
                {t("payments.amountToAllocate")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.map((invoice) => {
              const value = values[invoice.invoiceId] ?? "";
              const cents = toCents(value);
              const invalid = value.trim() !== "" && (cents === null || cents < 0);
              const tooMuch = cents !== null && cents > (toCents(invoice.outstanding) ?? 0);
              const error = errors[invoice.invoiceId] ?? (invalid ? t("payments.invalidAmount") : tooMuch ? t("payments.moreThanOutstanding") : undefined);
              return (
                <Table.Tr key={invoice.invoiceId} data-testid={`allocation-row-${invoice.number}`}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Anchor component={Link} to={`/invoices/${invoice.invoiceId}`} size="sm">
                        {invoice.number}
                      </Anchor>
                      {invoice.disputed && (
                        <Tooltip label={t("payments.disputedHelp")}>
                          <Badge size="xs" color="orange">
                            {t("payments.disputed")}
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDate(invoice.issueDate)}</Table.Td>
                  <Table.Td>
                    {formatDate(invoice.dueDate)}
                    {invoice.daysLate > 0 && (
                      <Text span size="xs" c="red" ml={4}>
                        {t("payments.daysLate", { count: invoice.daysLate })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(invoice.total, currency)}</Table.Td>
                  <Table.Td ta="right" data-testid="outstanding">
                    {formatMoney(invoice.outstanding, currency)}
                  </Table.Td>
                  <Table.Td>
                    <PaymentStatusBadge status={invoice.paymentStatus} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      inputMode="decimal"
                      aria-label={t("payments.amountFor", { number: invoice.number })}
                      value={value}
                      disabled={disabled}
                      onChange={(e) => onChange({ ...values, [invoice.invoiceId]: e.currentTarget.value })}
                      error={error}
                      styles={{ input: { textAlign: "right" } }}
                      rightSection={<Text size="xs">€</Text>}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" gap="xl" mt="xs">
        <Text size="sm">
          {t("payments.allocatedTotal")} :{" "}
          <Text span fw={600} data-testid="allocated-total">
            {formatMoney(fromCents(allocatedCents), currency)}
          </Text>
        </Text>
        {restCents !== null && (
          <Text size="sm" c={restCents < 0 ? "red" : undefined}>
            {restCents < 0 ? t("payments.overAllocated") : t("payments.restAsCredit")} :{" "}
            <Text span fw={600} data-testid="rest-as-credit">
              {formatMoney(fromCents(Math.abs(restCents)), currency)}
            </Text>
          </Text>
        )}
      </Group>
    </Paper>
  );
}
