import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Switch, Text, TextInput, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { ErrorState } from "@/components/ui/error-state";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { useAccountingSettings } from "@/components/receivables/receivables-api";
import { formatMoney } from "@/lib/format-money";
import { fromCents, toCents } from "../allocation";
import { type PaymentMethod, type PaymentRequest, paymentMethods, useCreatePayment, useCustomerAccount } from "../api/payments";
import { allocationsByInvoice } from "../payment-problem";
import { AllocationTable, type AllocationValues, allocationsToSend } from "./allocation-table";

export const today = () => dayjs().format("YYYY-MM-DD");

interface PaymentValues {
  unidentified: boolean;
  customerId: string | null;
  customerName: string | null;
  date: string | null;
  amount: string;
  method: PaymentMethod;
  reference: string;
  bankAccountCode: string | null;
  bankFees: string;
  note: string;
  /** Amount typed per open invoice id; a problem naming `allocations[i].amount` lands on the invoice sent at index i. */
  allocations: AllocationValues;
}

/** Recording a receipt: the customer, the amount and how it settles the customer's open invoices. */
export function PaymentForm({ initialCustomer }: { initialCustomer: { id: string; name: string | null } | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePayment();
  const settings = useAccountingSettings();
  const bankAccounts = settings.data?.value.bankAccounts ?? [];
  const { form, submitWith, failure } = useApiForm<PaymentValues>({
    // The problem names the allocations by their index in what was sent (only the non-zero ones, in the table's order).
    mapProblem: (error, submitted) => allocationsByInvoice(error, allocationsSent(submitted)),
    initialValues: {
      unidentified: false,
      customerId: initialCustomer?.id ?? null,
      customerName: initialCustomer?.name ?? null,
      date: today(),
      amount: "",
      method: "BankTransfer",
      reference: "",
      bankAccountCode: null,
      bankFees: "",
      note: "",
      allocations: {},
    },
    validate: {
      amount: (v) => {
        const cents = toCents(v);
        if (cents !== null && cents > 0) return null;
        return v.trim() === "" ? t("errors.required") : t("payments.invalidAmount");
      },
      bankFees: (v) => {
        if (v.trim() === "") return null;
        const cents = toCents(v);
        return cents === null || cents < 0 ? t("payments.invalidAmount") : null;
      },
      customerId: (v, values) => (values.unidentified || v ? null : t("payments.customerRequired")),
      date: (v) => (v ? null : t("errors.required")),
      bankAccountCode: (v) => (v || bankAccounts[0] ? null : t("errors.required")),
    },
  });
  const values = form.getValues();
  const account = useCustomerAccount(values.unidentified ? null : values.customerId);
  const chosenBank = values.bankAccountCode ?? bankAccounts[0]?.code ?? null;
  const invoices = account.data?.openInvoices ?? [];
  const allocationsSent = (v: PaymentValues) => (v.unidentified ? [] : allocationsToSend(invoices, v.allocations));

  const submit = submitWith(
    create,
    (v): { body: PaymentRequest } => {
      const allocations = allocationsSent(v);
      const feesCents = v.bankFees.trim() === "" ? 0 : toCents(v.bankFees);
      return {
        body: {
          direction: "Receipt",
          customerId: v.unidentified ? null : v.customerId,
          date: v.date!,
          amount: fromCents(toCents(v.amount)!),
          method: v.method,
          reference: v.reference.trim() || null,
          bankAccountCode: (v.bankAccountCode ?? bankAccounts[0]?.code)!,
          bankFees: feesCents ? fromCents(feesCents) : null,
          note: v.note.trim() || null,
          allocations,
        },
      };
    },
    (payment) => {
      notifications.show({ color: "green", message: t("payments.recorded") });
      void navigate(`/payments/${payment.id}`);
    },
  );

  const rowErrors = Object.fromEntries(
    Object.entries(form.errors)
      .filter(([path]) => path.startsWith("allocations."))
      .map(([path, message]) => [path.slice("allocations.".length), String(message)]),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("payments.newTitle")}>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <div style={{ gridColumn: "span 2" }}>
              {values.unidentified ? (
                <Alert color="orange" variant="light" icon={<IconInfoCircle size={16} />} data-testid="unidentified-notice">
                  {t("payments.unidentifiedNotice")}
                </Alert>
              ) : (
                <CustomerSelect
                  label={t("payments.customer")}
                  required
                  value={values.customerId}
                  valueLabel={values.customerName}
                  onChange={(id, name) => {
                    form.setFieldValue("customerId", id);
                    form.setFieldValue("customerName", name);
                    form.setFieldValue("allocations", {});
                  }}
                  error={form.errors.customerId ? String(form.errors.customerId) : undefined}
                />
              )}
              <Switch
                mt="xs"
                label={t("payments.unidentifiedToggle")}
                {...form.getInputProps("unidentified", { type: "checkbox" })}
              />
            </div>
            <TextInput
              label={t("payments.amount")}
              required
              inputMode="decimal"
              {...form.getInputProps("amount")}
              rightSection={<Text size="xs">€</Text>}
              data-autofocus
            />
            <DatePickerInput label={t("payments.date")} required valueFormat="DD/MM/YYYY" {...form.getInputProps("date")} />
            <Select
              label={t("payments.method")}
              data={paymentMethods.map((m) => ({ value: m, label: t(`orders.paymentMethods.${m}`) }))}
              {...form.getInputProps("method")}
              allowDeselect={false}
            />
            <TextInput label={t("payments.reference")} {...form.getInputProps("reference")} />
            <Select
              label={t("payments.bankAccount")}
              required
              data={bankAccounts.map((b) => ({ value: b.code, label: `${b.label} (${b.account})` }))}
              {...form.getInputProps("bankAccountCode")}
              value={chosenBank}
              allowDeselect={false}
              error={form.errors.bankAccountCode ?? (settings.isError ? t("payments.bankAccountsUnavailable") : undefined)}
              placeholder={settings.isPending ? t("common.loading") : undefined}
            />
            <TextInput
              label={t("payments.bankFees")}
              description={t("payments.bankFeesHelp")}
              inputMode="decimal"
              {...form.getInputProps("bankFees")}
              rightSection={<Text size="xs">€</Text>}
            />
          </SimpleGrid>
          <Textarea mt="sm" label={t("payments.note")} rows={2} {...form.getInputProps("note")} />
        </Paper>

        {!values.unidentified && values.customerId && (
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
                    <Anchor component={Link} to={`/customers/${values.customerId}`} size="sm">
                      {t("payments.useCreditOnCustomer")}
                    </Anchor>
                  )}
                </Group>
                <AllocationTable
                  invoices={invoices}
                  amount={values.amount}
                  values={values.allocations}
                  onChange={(next) => {
                    form.setFieldValue("allocations", next);
                    form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([path]) => !path.startsWith("allocations."))));
                  }}
                  errors={rowErrors}
                />
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
