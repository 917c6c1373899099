import { Anchor, Skeleton, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { useReminderHistory } from "../api/reminders";
import { ReminderStatusBadge } from "./reminder-badges";

/** Every reminder recorded for the company, latest first. */
export function ReminderHistory() {
  const { t } = useTranslation();
  const query = useReminderHistory();
  if (query.isPending) return <Skeleton height={160} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <EmptyState title={t("reminders.none")} description={t("reminders.noneHelp")} />;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing={4} aria-label={t("reminders.history")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reminders.date")}</Table.Th>
            <Table.Th>{t("reminders.invoice")}</Table.Th>
            <Table.Th>{t("reminders.customer")}</Table.Th>
            <Table.Th>{t("reminders.level")}</Table.Th>
            <Table.Th>{t("reminders.status")}</Table.Th>
            <Table.Th ta="right">{t("reminders.daysLate")}</Table.Th>
            <Table.Th ta="right">{t("reminders.amountDue")}</Table.Th>
            <Table.Th>{t("reminders.by")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/invoices/${r.invoiceId}`} size="sm">
                  {r.invoiceNumber ?? "—"}
                </Anchor>
              </Table.Td>
              <Table.Td>{r.customerName}</Table.Td>
              <Table.Td>{r.levelName}</Table.Td>
              <Table.Td>
                <ReminderStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td ta="right">{r.daysLate}</Table.Td>
              <Table.Td ta="right">{formatMoney(r.amountDue)}</Table.Td>
              <Table.Td>{r.createdByName ?? t("reminders.automatic")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
