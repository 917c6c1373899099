import { Badge, Button, Group, Menu, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBell, IconChevronDown, IconReceipt } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { asApiError } from "@/api/problem";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDateTime } from "@/lib/dates";
import { formatMoney, formatPercent } from "@/lib/format-money";
import { useInvoiceLateFees, useInvoiceReminders, useReminderSettings, useSendReminder } from "../api/reminders";
import { ReminderStatusBadge } from "./reminder-badges";

/** Reminders sent for an invoice, the late-payment interest it has accrued (computed by the API), manual reminder and invoicing the penalties. */
export function InvoiceRemindersPanel({ invoiceId, overdue, canWrite }: { invoiceId: string; overdue: boolean; canWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useInvoiceReminders(invoiceId, true);
  const settings = useReminderSettings();
  const send = useSendReminder();
  const lateFees = useInvoiceLateFees();
  const levels = settings.data?.settings.levels ?? [];
  const interest = query.data?.lateInterest ?? null;
  const unavailable = query.isError && asApiError(query.error)?.status === 404;

  return (
    <Paper withBorder p="md" aria-label={t("reminders.invoicePanel")}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("reminders.invoicePanel")}</Title>
        {canWrite && (
          <Group gap="xs">
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="light" leftSection={<IconBell size={14} />} rightSection={<IconChevronDown size={14} />} loading={send.isPending} disabled={!overdue}>
                  {t("reminders.sendManual")}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {levels.map((l) => (
                  <Menu.Item
                    key={l.level}
                    onClick={() =>
                      send.mutate({ invoiceId, level: l.level }, { onSuccess: () => notifications.show({ color: "green", message: t("reminders.sent") }) })
                    }
                  >
                    {l.name}
                  </Menu.Item>
                ))}
                {levels.length === 0 && <Menu.Item disabled>{t("reminders.noLevels")}</Menu.Item>}
              </Menu.Dropdown>
            </Menu>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconReceipt size={14} />}
              disabled={!interest || interest.total <= 0}
              loading={lateFees.isPending}
              onClick={() =>
                lateFees.mutate(
                  { invoiceId },
                  {
                    onSuccess: (created) => {
                      notifications.show({ color: "green", message: t("reminders.lateFeesInvoiced") });
                      if (created?.id) void navigate(`/invoices/${created.id}`);
                    },
                  },
                )
              }
            >
              {t("reminders.invoiceLateFees")}
            </Button>
          </Group>
        )}
      </Group>
      {send.error ? <ProblemAlert error={send.error} /> : null}
      {lateFees.error ? <ProblemAlert error={lateFees.error} /> : null}
      {query.isPending ? (
        <Skeleton height={60} />
      ) : unavailable ? (
        <Text size="sm" c="dimmed">
          {t("reminders.unavailable")}
        </Text>
      ) : query.isError ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="sm">
          {interest && interest.total > 0 && (
            <Group gap="xl" data-testid="late-interest">
              <Text size="sm">
                {t("reminders.interest", { days: interest.days, rate: formatPercent(interest.annualRate) })} : <b>{formatMoney(interest.interest)}</b>
              </Text>
              <Text size="sm">
                {t("reminders.indemnity")} : <b>{formatMoney(interest.indemnity)}</b>
              </Text>
              <Text size="sm">
                {t("reminders.penaltiesTotal")} : <b>{formatMoney(interest.total)}</b>
              </Text>
            </Group>
          )}
          {query.data.reminders.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("reminders.none")}
            </Text>
          ) : (
            <Table verticalSpacing={4} aria-label={t("reminders.history")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("reminders.date")}</Table.Th>
                  <Table.Th>{t("reminders.level")}</Table.Th>
                  <Table.Th>{t("reminders.status")}</Table.Th>
                  <Table.Th ta="right">{t("reminders.daysLate")}</Table.Th>
                  <Table.Th ta="right">{t("reminders.amountDue")}</Table.Th>
                  <Table.Th>{t("reminders.by")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.reminders.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                    <Table.Td>
                      {r.levelName}
                      {r.level === null && (
                        <Badge size="xs" ml={4} variant="outline">
                          {t("reminders.manual")}
                        </Badge>
                      )}
                    </Table.Td>
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
          )}
        </Stack>
      )}
    </Paper>
  );
}
