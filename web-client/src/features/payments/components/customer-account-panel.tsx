import { Anchor, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconCash, IconFileTypePdf } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "@/components/ui/error-state";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { statementUrl, useAccountingSettings } from "@/components/receivables/receivables-api";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { fromCents, toCents } from "../allocation";
import { type CustomerCredit, type PaymentMethod, paymentMethods, useApplyCreditNote, useCustomerAccount, useRefundCreditNote } from "../api/payments";
import { AllocateModal } from "./payment-page";
import type { PaymentStatusBadge } from "./payment-badges";
import { today } from "./payment-form";

/** A customer's account: what it owes, its available credit (receipts' unallocated parts, credit notes' remaining) and what to do with it. */
export function CustomerAccountPanel({ customerId, customerName, canWrite }: { customerId: string; customerName: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const account = useCustomerAccount(customerId);
  const [action, setAction] = useState<{ kind: "allocate" | "apply" | "refund"; credit: CustomerCredit } | null>(null);

  return (
    <Paper withBorder p="md" aria-label={t("payments.accountTitle")}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("payments.accountTitle")}</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" component="a" href={statementUrl(customerId)} target="_blank" leftSection={<IconFileTypePdf size={14} />}>
            {t("receivables.statement")}
          </Button>
          {canWrite && (
            <Button
              size="xs"
              component={Link}
              to={`/payments/new?customerId=${customerId}&customerName=${encodeURIComponent(customerName)}`}
              leftSection={<IconCash size={14} />}
            >
              {t("payments.new")}
            </Button>
          )}
        </Group>
      </Group>
      {account.isPending ? (
        <Skeleton height={80} />
      ) : account.isError ? (
        <ErrorState error={account.error} onRetry={() => void account.refetch()} />
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            <Figure label={t("payments.totalOutstanding")} value={formatMoney(account.data.totalOutstanding)} />
            <Figure label={t("payments.availableCredit")} value={formatMoney(account.data.availableCredit)} testId="available-credit" />
            <Figure label={t("payments.balance")} value={formatMoney(account.data.balance)} />
          </SimpleGrid>
          {account.data.credits.filter((c) => c.available > 0).length > 0 && (
            <Table verticalSpacing={4} aria-label={t("payments.credits")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("payments.creditKind")}</Table.Th>
                  <Table.Th>{t("payments.reference")}</Table.Th>
                  <Table.Th>{t("payments.date")}</Table.Th>
                  <Table.Th ta="right">{t("payments.amount")}</Table.Th>
                  <Table.Th ta="right">{t("payments.available")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {account.data.credits
                  .filter((c) => c.available > 0)
                  .map((c) => (
                    <Table.Tr key={`${c.kind}-${c.id}`}>
                      <Table.Td>
                        <Badge variant="light" color={c.kind === "Receipt" ? "blue" : "grape"}>
                          {t(`payments.creditKinds.${c.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={c.kind === "Receipt" ? `/payments/${c.id}` : `/credit-notes/${c.id}`} size="sm">
                          {c.reference ?? "—"}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDate(c.date)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(c.amount)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {formatMoney(c.available)}
                      </Table.Td>
                      <Table.Td>
                        {canWrite && (
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            {c.kind === "Receipt" ? (
                              <Button size="compact-xs" variant="light" onClick={() => setAction({ kind: "allocate", credit: c })}>
                                {t("payments.allocate")}
                              </Button>
                            ) : (
                              <>
                                <Button size="compact-xs" variant="light" onClick={() => setAction({ kind: "apply", credit: c })}>
                                  {t("payments.applyCreditNote")}
                                </Button>
                                <Button size="compact-xs" variant="light" color="orange" onClick={() => setAction({ kind: "refund", credit: c })}>
                                  {t("payments.refundCreditNote")}
                                </Button>
                              </>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
          {account.data.openInvoices.length > 0 && (
            <Text size="sm" c="dimmed">
              {t("payments.openInvoicesCount", { count: account.data.openInvoices.length })}{" "}
              {account.data.openInvoices.slice(0, 5).map((i) => (
                <Anchor key={i.invoiceId} component={Link} to={`/invoices/${i.invoiceId}`} size="sm" mr={6}>
                  {i.number}
                </Anchor>
              ))}
            </Text>
          )}
        </Stack>
      )}
      {action?.kind === "allocate" && (
        <AllocateModal payment={{ id: action.credit.id, unallocated: action.credit.available }} customerId={customerId} onClose={() => setAction(null)} />
      )}
      {action?.kind === "apply" && account.data && (
        <ApplyCreditNoteModal credit={action.credit} invoices={account.data.openInvoices} onClose={() => setAction(null)} />
      )}
      {action?.kind === "refund" && <RefundCreditNoteModal credit={action.credit} onClose={() => setAction(null)} />}
    </Paper>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function ApplyCreditNoteModal({
  credit,
  invoices,
  onClose,
}: {
  credit: CustomerCredit;
  invoices: { invoiceId: string; number: string; outstanding: number; paymentStatus: Parameters<typeof PaymentStatusBadge>[0]["status"] }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const apply = useApplyCreditNote();
  const { form, submitWith, failure } = useApiForm<{ invoiceId: string | null; amount: string }>({
    initialValues: { invoiceId: invoices[0]?.invoiceId ?? null, amount: "" },
  });
  const { invoiceId, amount } = form.getValues();
  const invoice = invoices.find((i) => i.invoiceId === invoiceId);
  const cents = toCents(amount);
  const submit = submitWith(
    apply,
    (v) => ({ id: credit.id, invoiceId: v.invoiceId!, amount: fromCents(toCents(v.amount)!) }),
    () => {
      notifications.show({ color: "green", message: t("payments.applied") });
      onClose();
    },
  );
  const amountInput = form.getInputProps("amount");
  return (
    <Modal opened onClose={onClose} title={t("payments.applyTitle", { reference: credit.reference })}>
      <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Select
          label={t("payments.invoice")}
          data={invoices.map((i) => ({ value: i.invoiceId, label: `${i.number} — ${formatMoney(i.outstanding)}` }))}
          {...form.getInputProps("invoiceId")}
          nothingFoundMessage={t("payments.noOpenInvoices")}
        />
        <TextInput
          label={t("payments.amount")}
          description={invoice ? t("payments.applyHelp", { available: formatMoney(credit.available), outstanding: formatMoney(invoice.outstanding) }) : undefined}
          inputMode="decimal"
          {...amountInput}
          error={amountInput.error ?? (amount !== "" && (cents === null || cents <= 0) ? t("payments.invalidAmount") : undefined)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={!invoiceId || cents === null || cents <= 0} loading={apply.isPending}>
            {t("payments.applyCreditNote")}
          </Button>
        </Group>
      </Stack>
      </form>
    </Modal>
  );
}

interface RefundValues {
  date: string | null;
  method: PaymentMethod;
  bankAccountCode: string | null;
  reference: string;
  amount: string;
}

function RefundCreditNoteModal({ credit, onClose }: { credit: CustomerCredit; onClose: () => void }) {
  const { t } = useTranslation();
  const refund = useRefundCreditNote();
  const settings = useAccountingSettings();
  const banks = settings.data?.value.bankAccounts ?? [];
  const { form, submitWith, failure } = useApiForm<RefundValues>({
    initialValues: { date: today(), method: "BankTransfer", bankAccountCode: null, reference: "", amount: "" },
  });
  const { date, bankAccountCode, amount } = form.getValues();
  const cents = amount.trim() === "" ? null : toCents(amount);
  const chosenBank = bankAccountCode ?? banks[0]?.code ?? null;
  const submit = submitWith(
    refund,
    (v) => {
      const refunded = v.amount.trim() === "" ? null : toCents(v.amount);
      return {
        id: credit.id,
        body: { date: v.date!, method: v.method, bankAccountCode: chosenBank!, reference: v.reference.trim() || null, amount: refunded ? fromCents(refunded) : null },
      };
    },
    () => {
      notifications.show({ color: "green", message: t("payments.refunded") });
      onClose();
    },
  );
  return (
    <Modal opened onClose={onClose} title={t("payments.refundTitleFor", { reference: credit.reference })}>
      <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <DatePickerInput label={t("payments.date")} valueFormat="DD/MM/YYYY" {...form.getInputProps("date")} />
        <Select
          label={t("payments.method")}
          data={paymentMethods.map((m) => ({ value: m, label: t(`orders.paymentMethods.${m}`) }))}
          {...form.getInputProps("method")}
          allowDeselect={false}
        />
        <Select
          label={t("payments.bankAccount")}
          data={banks.map((b) => ({ value: b.code, label: `${b.label} (${b.account})` }))}
          {...form.getInputProps("bankAccountCode")}
          value={chosenBank}
          allowDeselect={false}
        />
        <TextInput label={t("payments.reference")} {...form.getInputProps("reference")} />
        <TextInput
          label={t("payments.amount")}
          description={t("payments.refundAmountHelp", { available: formatMoney(credit.available) })}
          inputMode="decimal"
          {...form.getInputProps("amount")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            color="orange"
            disabled={!date || !chosenBank || (amount.trim() !== "" && (cents === null || cents <= 0))}
            loading={refund.isPending}
          >
            {t("payments.refundCreditNote")}
          </Button>
        </Group>
      </Stack>
      </form>
    </Modal>
  );
}
