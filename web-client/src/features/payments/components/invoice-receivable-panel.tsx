import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCash, IconFlag, IconFlagOff, IconReceiptOff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ReasonModal } from "@/components/sales-lines/reason-modal";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { useAccountingSettings } from "@/components/receivables/receivables-api";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type InvoicePayment, useDisputeInvoice, useInvoicePayments, useUndisputeInvoice, useWriteOffInvoice } from "../api/payments";
import { PaymentStatusBadge } from "./payment-badges";

interface InvoiceLike {
  id: string;
  customerId: string;
  customerName: string;
  currency: string;
}

/** A validated invoice's life with its customer: payment status, outstanding, settlements, dispute and write-off of a small rest. */
export function InvoiceReceivablePanel({ invoice, canWrite }: { invoice: InvoiceLike; canWrite: boolean }) {
  const query = useInvoicePayments(invoice.id);
  if (query.isPending) return <Skeleton height={120} />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <InvoiceReceivableContent invoice={invoice} side={query.data} canWrite={canWrite} />;
}

function InvoiceReceivableContent({ invoice, side, canWrite }: { invoice: InvoiceLike; side: InvoicePayment; canWrite: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<"dispute" | "undispute" | "writeOff" | null>(null);
  const dispute = useDisputeInvoice();
  const undispute = useUndisputeInvoice();
  const writeOff = useWriteOffInvoice();
  const settings = useAccountingSettings();
  const outstanding = side.outstanding;
  const limit = settings.data?.value.writeOffLimit;
  // Offered when the API's outstanding is within the API's limit: a comparison of two figures the API gave, not a computation.
  const smallRest = outstanding > 0 && limit !== undefined && outstanding <= limit;
  const settlements = side.settlements;

  return (
    <Paper withBorder p="md" aria-label={t("payments.invoicePanel")}>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={4}>{t("payments.invoicePanel")}</Title>
          <PaymentStatusBadge status={side.paymentStatus} />
          {side.disputed && (
            <Badge color="orange" leftSection={<IconFlag size={12} />} data-testid="disputed-badge">
              {t("payments.disputed")}
            </Badge>
          )}
        </Group>
        <Text fw={700}>
          {t("payments.outstanding")} : <span data-testid="invoice-outstanding">{formatMoney(outstanding, invoice.currency)}</span>
        </Text>
      </Group>
      {side.disputed && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} mb="sm" data-testid="dispute-reason">
          {t("payments.disputedNotice", { reason: side.disputeReason ?? "" })}
        </Alert>
      )}
      {settlements.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("payments.noSettlements")}
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label={t("payments.settlements")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("payments.settlementKind")}</Table.Th>
              <Table.Th>{t("payments.reference")}</Table.Th>
              <Table.Th>{t("payments.date")}</Table.Th>
              <Table.Th ta="right">{t("payments.amount")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settlements.map((s) => (
              <Table.Tr key={s.allocationId} style={s.active ? undefined : { textDecoration: "line-through", opacity: 0.6 }}>
                <Table.Td>{t(`payments.settlementKinds.${s.kind}`)}</Table.Td>
                <Table.Td>
                  {s.kind === "Receipt" ? (
                    <Anchor component={Link} to={`/payments/${s.sourceId}`} size="sm">
                      {s.reference ?? t("payments.receipt")}
                    </Anchor>
                  ) : s.kind === "CreditNote" ? (
                    <Anchor component={Link} to={`/credit-notes/${s.sourceId}`} size="sm">
                      {s.reference}
                    </Anchor>
                  ) : (
                    s.reference
                  )}
                </Table.Td>
                <Table.Td>{formatDate(s.date)}</Table.Td>
                <Table.Td ta="right">{formatMoney(s.amount, invoice.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && (
        <Group mt="sm" gap="xs">
          {outstanding > 0 && (
            <Button
              size="xs"
              component={Link}
              to={`/payments/new?customerId=${invoice.customerId}&customerName=${encodeURIComponent(invoice.customerName)}`}
              leftSection={<IconCash size={14} />}
            >
              {t("payments.new")}
            </Button>
          )}
          {side.disputed ? (
            <Button size="xs" variant="light" color="orange" leftSection={<IconFlagOff size={14} />} onClick={() => setDialog("undispute")}>
              {t("payments.undispute")}
            </Button>
          ) : (
            outstanding > 0 && (
              <Button size="xs" variant="light" color="orange" leftSection={<IconFlag size={14} />} onClick={() => setDialog("dispute")}>
                {t("payments.dispute")}
              </Button>
            )
          )}
          {smallRest && (
            <Button size="xs" variant="light" color="gray" leftSection={<IconReceiptOff size={14} />} onClick={() => setDialog("writeOff")}>
              {t("payments.writeOffInvoice")}
            </Button>
          )}
        </Group>
      )}
      <ReasonModal
        opened={dialog === "dispute"}
        title={t("payments.disputeTitle")}
        label={t("payments.disputeReason")}
        confirm={t("payments.dispute")}
        mutation={dispute}
        toVariables={(reason) => ({ id: invoice.id, reason })}
        onClose={() => setDialog(null)}
        onDone={() => setDialog(null)}
      />
      <ConfirmModal
        opened={dialog === "undispute"}
        title={t("payments.undispute")}
        text={t("payments.undisputeConfirm")}
        mutation={undispute}
        variables={{ id: invoice.id }}
        onClose={() => setDialog(null)}
        onDone={() => setDialog(null)}
      />
      <ConfirmModal
        opened={dialog === "writeOff"}
        title={t("payments.writeOffInvoice")}
        text={t("payments.writeOffInvoiceConfirm", { amount: formatMoney(outstanding, invoice.currency) })}
        mutation={writeOff}
        variables={{ id: invoice.id, date: null }}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          notifications.show({ color: "green", message: t("payments.writtenOff") });
        }}
      />
    </Paper>
  );
}
