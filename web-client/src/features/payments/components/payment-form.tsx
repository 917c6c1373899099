import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Switch, Text, TextInput, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle } from "@tabler/icons-react";
import dayjs from "dayjs";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { useAccountingSettings } from "@/components/receivables/receivables-api";
import { formatMoney } from "@/lib/format-money";
import { fromCents, toCents } from "../allocation";
import { type PaymentMethod, type PaymentRequest, paymentMethods, useCreatePayment, useCustomerAccount } from "../api/payments";
import { mapPaymentProblem } from "../payment-problem";
import { AllocationTable, type AllocationValues, allocationsToSend } from "./allocation-table";

const formFields = ["customerId", "date", "amount", "method", "reference", "bankAccountCode", "bankFees", "note"] as const;

export const today = () => dayjs().format("YYYY-MM-DD");

/** Recording a receipt: the customer, the amount and how it settles the customer's open invoices. */
export function PaymentForm({ initialCustomer }: { initialCustomer: { id: string; name: string | null } | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unidentified, setUnidentified] = useState(false);
  const [customer, setCustomer] = useState<{ id: string | null; name: string | null }>(initialCustomer ?? { id: null, name: null });
  const [date, setDate] = useState<string | null>(today());
  const [amount, setAmount] = useState("");
  const [method, setMethod] = useState<PaymentMethod>("BankTransfer");
  const [reference, setReference] = useState("");
  const [bankAccount, setBankAccount] = useState<string | null>(null);
  const [bankFees, setBankFees] = useState("");
  const [note, setNote] = useState("");
  const [allocations, setAllocations] = useState<AllocationValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const create = useCreatePayment();
  const settings = useAccountingSettings();
  const account = useCustomerAccount(unidentified ? null : customer.id);
  const bankAccounts = settings.data?.value.bankAccounts ?? [];
  const chosenBank = bankAccount ?? bankAccounts[0]?.code ?? null;
  const invoices = account.data?.openInvoices ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    const amountCents = toCents(amount);
    if (amountCents === null || amountCents <= 0) local.amount = amount.trim() === "" ? t("errors.required") : t("payments.invalidAmount");
    const feesCents = bankFees.trim() === "" ? 0 : toCents(bankFees);
    if (feesCents === null || feesCents < 0) local.bankFees = t("payments.invalidAmount");
    if (!unidentified && !customer.id) local.customerId = t("payments.customerRequired");
    if (!date) local.date = t("errors.required");
    if (!chosenBank) local.bankAccountCode = t("errors.required");
    setErrors(local);
    setRowErrors({});
    setOtherErrors([]);
    if (Object.keys(local).length > 0) return;
    const sent = unidentified ? [] : allocationsToSend(invoices, allocations);
    const body: PaymentRequest = {
      direction: "Receipt",
      customerId: unidentified ? null : customer.id,
      date: date!,
      amount: fromCents(amountCents!),
      method,
      reference: reference.trim() || null,
      bankAccountCode: chosenBank!,
      bankFees: feesCents ? fromCents(feesCents) : null,
      note: note.trim() || null,
      allocations: sent,
    };
    create.mutate(
      { body },
      {
        onSuccess: (payment) => {
          notifications.show({ color: "green", message: t("payments.recorded") });
          void navigate(`/payments/${payment.id}`);
        },
        onError: (error) => {
          const mapped = mapPaymentProblem(error, sent, formFields);
          setErrors(mapped.fields);
          setRowErrors(mapped.rows);
          setOtherErrors(mapped.other);
        },
      },
    );
  }

  const mappedSomething = Object.keys(errors).length > 0 || Object.keys(rowErrors).length > 0;

  return (
    <form onSubmit={submit} noValidate aria-label={t("payments.newTitle")}>
      <Stack>
        {create.error && (!mappedSomething || otherErrors.length > 0) ? <ProblemAlert error={create.error} extraMessages={otherErrors} /> : null}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <div style={{ gridColumn: "span 2" }}>
              {unidentified ? (
                <Alert color="orange" variant="light" icon={<IconInfoCircle size={16} />} data-testid="unidentified-notice">
                  {t("payments.unidentifiedNotice")}
                </Alert>
              ) : (
                <CustomerSelect
                  label={t("payments.customer")}
                  required
                  value={customer.id}
                  valueLabel={customer.name}
                  onChange={(id, name) => {
                    setCustomer({ id, name });
                    setAllocations({});
                  }}
                  error={errors.customerId}
                />
              )}
              <Switch
                mt="xs"
                label={t("payments.unidentifiedToggle")}
                checked={unidentified}
                onChange={(e) => setUnidentified(e.currentTarget.checked)}
              />
            </div>
            <TextInput
              label={t("payments.amount")}
              required
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={errors.amount}
              rightSection={<Text size="xs">€</Text>}
              data-autofocus
            />
            <DatePickerInput label={t("payments.date")} required valueFormat="DD/MM/YYYY" value={date} onChange={setDate} error={errors.date} />
            <Select
              label={t("payments.method")}
              data={paymentMethods.map((m) => ({ value: m, label: t(`orders.paymentMethods.${m}`) }))}
              value={method}
              onChange={(v) => v && setMethod(v as PaymentMethod)}
              allowDeselect={false}
              error={errors.method}
            />
            <TextInput label={t("payments.reference")} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={errors.reference} />
            <Select
              label={t("payments.bankAccount")}
              required
              data={bankAccounts.map((b) => ({ value: b.code, label: `${b.label} (${b.account})` }))}
              value={chosenBank}
              onChange={setBankAccount}
              allowDeselect={false}
              error={errors.bankAccountCode ?? (settings.isError ? t("payments.bankAccountsUnavailable") : undefined)}
              placeholder={settings.isPending ? t("common.loading") : undefined}
            />
            <TextInput
              label={t("payments.bankFees")}
              description={t("payments.bankFeesHelp")}
              inputMode="decimal"
              value={bankFees}
              onChange={(e) => setBankFees(e.currentTarget.value)}
              error={errors.bankFees}
              rightSection={<Text size="xs">€</Text>}
            />
          </SimpleGrid>
          <Textarea mt="sm" label={t("payments.note")} rows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        </Paper>

        {!unidentified && customer.id && (
          <>
            {account.isPending ? (
              <Skeleton height={120} />
            ) : account.isError ? (
              <ErrorState error={account.error} onRetry={() => void account.refetch()} />
            ) : (
              <>
                <Group gap="xl" data-testid="customer-account-summary">
                  <Text size="sm">
                    {t("payments.totalOutstanding")} : <b>{formatMoney(account.data.totalOutstanding)}</b>
                  </Text>
                  <Text size="sm">
                    {t("payments.availableCredit")} : <b data-testid="available-credit">{formatMoney(account.data.availableCredit)}</b>
                  </Text>
                  {account.data.availableCredit > 0 && (
                    <Anchor component={Link} to={`/customers/${customer.id}`} size="sm">
                      {t("payments.useCreditOnCustomer")}
                    </Anchor>
                  )}
                </Group>
                <AllocationTable invoices={invoices} amount={amount} values={allocations} onChange={setAllocations} errors={rowErrors} />
              </>
            )}
          </>
        )}

        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/payments">
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("payments.record")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
