import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowsSplit, IconBan, IconReceiptOff, IconUserCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { useBankAccountLabel } from "@/components/receivables/receivables-api";
import { ReasonModal } from "@/components/sales-lines/reason-modal";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type Payment, useAllocatePayment, useCancelPayment, useCustomerAccount, useIdentifyPayment, useWriteOffPayment } from "../api/payments";
import { allocationsByInvoice } from "../payment-problem";
import { AllocationTable, type AllocationValues, allocationsToSend } from "./allocation-table";
import { PaymentStateBadge, UnidentifiedBadge } from "./payment-badges";

/** A payment: its allocations, and what can still happen to it (allocate its rest, identify it, write off a small rest, cancel it). */
export function PaymentPage({ payment, canWrite }: { payment: Payment; canWrite: boolean }) {
  const { t } = useTranslation();
  const bankAccountLabel = useBankAccountLabel();
  const [dialog, setDialog] = useState<"cancel" | "allocate" | "identify" | "writeOff" | null>(null);
  const cancel = useCancelPayment();
  const writeOff = useWriteOffPayment();
  const active = payment.state === "Active";
  const unidentified = payment.customerId === null;
  const hasRest = active && payment.unallocated > 0 && payment.direction === "Receipt";

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="payment-title">
              {t(payment.direction === "Refund" ? "payments.refundTitle" : "payments.receiptTitle", { amount: formatMoney(payment.amount), date: formatDate(payment.date) })}
            </Title>
            <PaymentStateBadge state={payment.state} />
            {unidentified && <UnidentifiedBadge />}
          </Group>
          <Text c="dimmed">
            {payment.customerId ? (
              <Anchor component={Link} to={`/customers/${payment.customerId}`}>
                {payment.customerName}
              </Anchor>
            ) : (
              t("payments.unidentifiedHelp")
            )}
          </Text>
        </div>
        {canWrite && active && (
          <Group gap="xs">
            {unidentified && (
              <Button leftSection={<IconUserCheck size={16} />} onClick={() => setDialog("identify")}>
                {t("payments.identify")}
              </Button>
            )}
            {hasRest && !unidentified && (
              <Button variant="light" leftSection={<IconArrowsSplit size={16} />} onClick={() => setDialog("allocate")}>
                {t("payments.allocateRest")}
              </Button>
            )}
            {hasRest && !unidentified && (
              <Button variant="light" color="gray" leftSection={<IconReceiptOff size={16} />} onClick={() => setDialog("writeOff")}>
                {t("payments.writeOffRest")}
              </Button>
            )}
            <Button variant="light" color="red" leftSection={<IconBan size={16} />} onClick={() => setDialog("cancel")}>
              {t("payments.cancel")}
            </Button>
          </Group>
        )}
      </Group>

      {!active && (
        <Alert color="gray" variant="light" icon={<IconBan size={16} />} data-testid="cancelled-notice">
          {t("payments.cancelledOn", { date: formatDateTime(payment.cancelledAt) })} — {payment.cancelReason}
        </Alert>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Info label={t("payments.amount")} value={formatMoney(payment.amount)} />
          <Info label={t("payments.allocated")} value={formatMoney(payment.allocated)} testId="payment-allocated" />
          <Info label={t("payments.unallocated")} value={formatMoney(payment.unallocated)} testId="payment-unallocated" />
          <Info label={t("payments.bankFees")} value={payment.bankFees ? formatMoney(payment.bankFees) : "—"} />
          <Info label={t("payments.date")} value={formatDate(payment.date)} />
          <Info label={t("payments.method")} value={t(`orders.paymentMethods.${payment.method}`)} />
          <Info label={t("payments.reference")} value={payment.reference ?? "—"} />
          <Info label={t("payments.bankAccount")} value={bankAccountLabel(payment.bankAccountCode)} testId="payment-bank-account" />
        </SimpleGrid>
        {payment.note && (
          <Text size="sm" mt="sm">
            {payment.note}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("payments.allocations")}
        </Title>
        {payment.allocations.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("payments.noAllocations")}
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label={t("payments.allocations")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("payments.invoice")}</Table.Th>
                <Table.Th>{t("payments.date")}</Table.Th>
                <Table.Th ta="right">{t("payments.amount")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payment.allocations.map((a) => (
                <Table.Tr key={a.id} style={a.active ? undefined : { textDecoration: "line-through", opacity: 0.6 }}>
                  <Table.Td>
                    <Anchor component={Link} to={a.documentKind === "CreditNote" ? `/credit-notes/${a.documentId}` : `/invoices/${a.documentId}`}>
                      {a.documentNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(a.date)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(a.amount)}</Table.Td>
                  <Table.Td>{!a.active && <Badge color="gray">{t("payments.states.Cancelled")}</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <ReasonModal
        opened={dialog === "cancel"}
        title={t("payments.cancelTitle")}
        label={t("payments.cancelReason")}
        confirm={t("payments.cancelConfirm")}
        mutation={cancel}
        toVariables={(reason) => ({ id: payment.id, reason })}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          notifications.show({ color: "green", message: t("payments.cancelled") });
        }}
      />
      <ConfirmModal
        opened={dialog === "writeOff"}
        title={t("payments.writeOffTitle")}
        text={t("payments.writeOffConfirm", { amount: formatMoney(payment.unallocated) })}
        confirm={t("payments.writeOffRest")}
        mutation={writeOff}
        variables={{ id: payment.id, date: null }}
        onClose={() => setDialog(null)}
        onDone={() => setDialog(null)}
      />
      {dialog === "allocate" && payment.customerId && (
        <AllocateModal payment={payment} customerId={payment.customerId} onClose={() => setDialog(null)} />
      )}
      {dialog === "identify" && <IdentifyModal payment={payment} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

interface AllocationFormValues {
  /** Amount typed per open invoice id; a problem naming `allocations[i].amount` lands on the invoice sent at index i. */
  allocations: AllocationValues;
}

/** The allocation rows' errors of a form holding `allocations.<invoiceId>`, by invoice id (what `AllocationTable` shows). */
function rowErrorsOf(errors: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith("allocations."))
      .map(([path, message]) => [path.slice("allocations.".length), String(message)]),
  );
}

/** The form's errors less the allocation rows' (a changed allocation clears them). */
function withoutRowErrors(errors: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith("allocations."))) as Record<string, string>;
}

/** Allocates what is left of a receipt (the customer's credit) to open invoices. */
export function AllocateModal({ payment, customerId, onClose }: { payment: Pick<Payment, "id" | "unallocated">; customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const account = useCustomerAccount(customerId);
  const allocate = useAllocatePayment();
  const invoices = account.data?.openInvoices ?? [];
  const { form, submitWith, failure } = useApiForm<AllocationFormValues>({
    initialValues: { allocations: {} },
    mapProblem: (error, submitted) => allocationsByInvoice(error, allocationsToSend(invoices, submitted.allocations)),
  });
  const submit = submitWith(allocate, (v) => ({ id: payment.id, allocations: allocationsToSend(invoices, v.allocations) }), onClose);
  const rest = payment.unallocated.toFixed(2).replace(".", ",");
  return (
    <Modal opened onClose={onClose} title={t("payments.allocateRestTitle", { amount: formatMoney(payment.unallocated) })} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          {account.isError ? <ProblemAlert error={account.error} /> : null}
          <AllocationTable
            invoices={invoices}
            amount={rest}
            values={form.getValues().allocations}
            onChange={(next) => {
              form.setFieldValue("allocations", next);
              form.setErrors(withoutRowErrors(form.errors));
            }}
            errors={rowErrorsOf(form.errors)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={allocate.isPending}>
              {t("payments.allocate")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface IdentifyValues extends AllocationFormValues {
  customerId: string | null;
  customerName: string | null;
}

function IdentifyModal({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const { t } = useTranslation();
  const identify = useIdentifyPayment();
  const { form, submitWith, failure } = useApiForm<IdentifyValues>({
    initialValues: { customerId: null, customerName: null, allocations: {} },
    validate: { customerId: (v) => (v ? null : t("errors.required")) },
    mapProblem: (error, submitted) => allocationsByInvoice(error, allocationsToSend(invoices, submitted.allocations)),
  });
  const values = form.getValues();
  const account = useCustomerAccount(values.customerId);
  const invoices = account.data?.openInvoices ?? [];
  const submit = submitWith(identify, (v) => ({ id: payment.id, customerId: v.customerId!, allocations: allocationsToSend(invoices, v.allocations) }), onClose);
  return (
    <Modal opened onClose={onClose} title={t("payments.identifyTitle")} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <CustomerSelect
            label={t("payments.customer")}
            required
            value={values.customerId}
            valueLabel={values.customerName}
            onChange={(id, name) => form.setValues({ customerId: id, customerName: name, allocations: {} })}
            error={form.errors.customerId ? String(form.errors.customerId) : undefined}
          />
          {values.customerId && (
            <AllocationTable
              invoices={invoices}
              amount={payment.unallocated.toFixed(2).replace(".", ",")}
              values={values.allocations}
              onChange={(next) => {
                form.setFieldValue("allocations", next);
                form.setErrors(withoutRowErrors(form.errors));
              }}
              errors={rowErrorsOf(form.errors)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={identify.isPending} disabled={!values.customerId}>
              {t("payments.identify")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
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
