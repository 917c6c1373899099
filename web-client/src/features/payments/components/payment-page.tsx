import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowsSplit, IconBan, IconReceiptOff, IconUserCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { useBankAccountLabel } from "@/components/receivables/receivables-api";
import { ReasonModal } from "@/components/sales-lines/reason-modal";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type Payment, useAllocatePayment, useCancelPayment, useCustomerAccount, useIdentifyPayment, useWriteOffPayment } from "../api/payments";
import { mapPaymentProblem } from "../payment-problem";
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
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => {
          cancel.reset();
          setDialog(null);
        }}
        onConfirm={(reason) =>
          cancel.mutate(
            { id: payment.id, reason },
            {
              onSuccess: () => {
                setDialog(null);
                notifications.show({ color: "green", message: t("payments.cancelled") });
              },
            },
          )
        }
      />
      <Modal opened={dialog === "writeOff"} onClose={() => setDialog(null)} title={t("payments.writeOffTitle")}>
        <Stack>
          {writeOff.error ? <ProblemAlert error={writeOff.error} /> : null}
          <Text size="sm">{t("payments.writeOffConfirm", { amount: formatMoney(payment.unallocated) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              loading={writeOff.isPending}
              onClick={() => writeOff.mutate({ id: payment.id, date: null }, { onSuccess: () => setDialog(null) })}
            >
              {t("payments.writeOffRest")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {dialog === "allocate" && payment.customerId && (
        <AllocateModal payment={payment} customerId={payment.customerId} onClose={() => setDialog(null)} />
      )}
      {dialog === "identify" && <IdentifyModal payment={payment} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** Allocates what is left of a receipt (the customer's credit) to open invoices. */
export function AllocateModal({ payment, customerId, onClose }: { payment: Pick<Payment, "id" | "unallocated">; customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const account = useCustomerAccount(customerId);
  const allocate = useAllocatePayment();
  const [values, setValues] = useState<AllocationValues>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const invoices = account.data?.openInvoices ?? [];
  const rest = payment.unallocated.toFixed(2).replace(".", ",");
  return (
    <Modal opened onClose={onClose} title={t("payments.allocateRestTitle", { amount: formatMoney(payment.unallocated) })} size="xl">
      <Stack>
        {allocate.error && Object.keys(rowErrors).length === 0 ? <ProblemAlert error={allocate.error} /> : null}
        {account.isError ? <ProblemAlert error={account.error} /> : null}
        <AllocationTable invoices={invoices} amount={rest} values={values} onChange={setValues} errors={rowErrors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            loading={allocate.isPending}
            onClick={() => {
              const sent = allocationsToSend(invoices, values);
              allocate.mutate(
                { id: payment.id, allocations: sent },
                { onSuccess: onClose, onError: (e) => setRowErrors(mapPaymentProblem(e, sent, []).rows) },
              );
            }}
          >
            {t("payments.allocate")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function IdentifyModal({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<{ id: string | null; name: string | null }>({ id: null, name: null });
  const [values, setValues] = useState<AllocationValues>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const account = useCustomerAccount(customer.id);
  const identify = useIdentifyPayment();
  const invoices = account.data?.openInvoices ?? [];
  return (
    <Modal opened onClose={onClose} title={t("payments.identifyTitle")} size="xl">
      <Stack>
        {identify.error && Object.keys(rowErrors).length === 0 ? <ProblemAlert error={identify.error} /> : null}
        <CustomerSelect label={t("payments.customer")} required value={customer.id} valueLabel={customer.name} onChange={(id, name) => setCustomer({ id, name })} />
        {customer.id && (
          <AllocationTable invoices={invoices} amount={payment.unallocated.toFixed(2).replace(".", ",")} values={values} onChange={setValues} errors={rowErrors} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            disabled={!customer.id}
            loading={identify.isPending}
            onClick={() => {
              const sent = allocationsToSend(invoices, values);
              identify.mutate(
                { id: payment.id, customerId: customer.id!, allocations: sent },
                { onSuccess: onClose, onError: (e) => setRowErrors(mapPaymentProblem(e, sent, []).rows) },
              );
            }}
          >
            {t("payments.identify")}
          </Button>
        </Group>
      </Stack>
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
