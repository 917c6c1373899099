import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { Suspense, lazy } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ErrorState } from "@/components/ui/error-state";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatMoney, formatPercent } from "@/lib/format-money";
import { type Dashboard, activityUrl, monthInvoicesUrl, useDashboard } from "../api/dashboard";
import { ContractsCards } from "./contracts-cards";

const RevenueChart = lazy(() => import("./revenue-chart"));

const buckets = [
  ["NotDue", "notDue"],
  ["Days1To30", "days1To30"],
  ["Days31To60", "days31To60"],
  ["Days61To90", "days61To90"],
  ["Over90", "over90"],
] as const;

/** The home page: each figure links to the list it sums, filtered the same way. */
export function DashboardView() {
  const query = useDashboard();
  if (query.isPending) return <Skeleton height={420} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <DashboardContent data={query.data} />;
}

function Figure({ label, value, hint, to, testId }: { label: string; value: string; hint?: string; to: string; testId: string }) {
  return (
    <Card component={Link} to={to} withBorder padding="md" data-testid={testId} style={{ minWidth: 0 }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" style={{ overflowWrap: "anywhere" }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Card>
  );
}

function monthLabel(month: string, language: string) {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "fr-FR", { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function DashboardContent({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { revenue, leftToInvoice, overdue, aging, milestones, activity } = data;
  const change =
    revenue && revenue.previousMonth !== 0 ? ((revenue.currentMonth - revenue.previousMonth) / Math.abs(revenue.previousMonth)) * 100 : null;
  const currentMonth = revenue?.months[revenue.months.length - 1]?.month;
  const previousMonth = revenue?.months[revenue.months.length - 2]?.month;
  const firstMonth = revenue?.months[0]?.month;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {revenue && currentMonth && previousMonth && (
          <>
            <Figure
              label={t("dashboard.revenueThisMonth")}
              value={formatMoney(revenue.currentMonth)}
              hint={
                change === null
                  ? t("dashboard.previousMonth", { amount: formatMoney(revenue.previousMonth) })
                  : t("dashboard.versusPreviousMonth", {
                      change: `${change >= 0 ? "+" : "−"}${formatPercent(Math.round(Math.abs(change) * 10) / 10)}`,
                      amount: formatMoney(revenue.previousMonth),
                    })
              }
              to={monthInvoicesUrl(currentMonth)}
              testId="dashboard-revenue-month"
            />
            <Figure
              label={t("dashboard.revenue12Months")}
              value={formatMoney(revenue.last12Months)}
              hint={t("dashboard.excludingVat")}
              to={`/invoices?status=Validated&issuedFrom=${firstMonth ?? ""}`}
              testId="dashboard-revenue-12"
            />
          </>
        )}
        {leftToInvoice && (
          <Figure
            label={t("dashboard.leftToInvoice")}
            value={formatMoney(leftToInvoice.amountExcludingVat)}
            hint={t("dashboard.ordersCount", { count: leftToInvoice.orders })}
            to="/orders?leftToInvoice=true"
            testId="dashboard-left-to-invoice"
          />
        )}
        {overdue && (
          <Figure
            label={t("dashboard.overdue")}
            value={formatMoney(overdue.totalOutstanding)}
            hint={t("dashboard.invoicesCount", { count: overdue.count })}
            to="/invoices?overdue=true"
            testId="dashboard-overdue"
          />
        )}
      </SimpleGrid>

      {revenue && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Title order={4}>{t("dashboard.revenueChart")}</Title>
            <Text size="xs" c="dimmed">
              {t("dashboard.revenueRule")}
            </Text>
          </Group>
          <Suspense fallback={<Skeleton h={220} />}>
            <RevenueChart
              data={revenue.months.map((m) => ({ month: m.month, label: monthLabel(m.month, i18n.language), amount: m.amountExcludingVat }))}
              label={t("dashboard.revenueChart")}
              onMonth={(month) => void navigate(monthInvoicesUrl(month))}
            />
          </Suspense>
        </Paper>
      )}

      <ContractsCards data={data} />

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {overdue && (
          <Paper withBorder p="md" style={{ minWidth: 0 }}>
            <Group justify="space-between" mb="xs">
              <Title order={4}>{t("dashboard.oldestOverdue")}</Title>
              <Anchor component={Link} to="/invoices?overdue=true" size="sm">
                {t("dashboard.seeAll")}
              </Anchor>
            </Group>
            {overdue.oldest.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t("dashboard.noOverdue")}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={420}>
                <Table aria-label={t("dashboard.oldestOverdue")}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("invoices.number")}</Table.Th>
                      <Table.Th>{t("invoices.customer")}</Table.Th>
                      <Table.Th>{t("invoices.dueDate")}</Table.Th>
                      <Table.Th ta="right">{t("dashboard.outstanding")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {overdue.oldest.map((i) => (
                      <Table.Tr key={i.invoiceId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/invoices/${i.invoiceId}`}>
                            {i.number}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{i.customerName}</Table.Td>
                        <Table.Td>
                          {formatDate(i.dueDate)}{" "}
                          <Text span size="xs" c="red">
                            ({t("dashboard.daysLate", { count: i.daysLate })})
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{formatMoney(i.outstanding)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        )}
        {aging && (
          <Paper withBorder p="md" style={{ minWidth: 0 }}>
            <Group justify="space-between" mb="xs">
              <Title order={4}>{t("dashboard.aging")}</Title>
              <Anchor component={Link} to="/receivables" size="sm">
                {t("dashboard.seeAll")}
              </Anchor>
            </Group>
            <Table aria-label={t("dashboard.aging")}>
              <Table.Tbody>
                {buckets.map(([bucket, field]) => (
                  <Table.Tr key={bucket}>
                    <Table.Td>
                      <Anchor component={Link} to={`/receivables?tab=overdue&bucket=${bucket}`}>
                        {t(`receivables.buckets.${bucket}`)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(aging[field])}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={700}>{t("dashboard.agingTotal")}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatMoney(aging.total)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        {milestones && (
          <Paper withBorder p="md" style={{ minWidth: 0 }}>
            <Group justify="space-between" mb="xs">
              <Title order={4}>{t("dashboard.milestones")}</Title>
              <Anchor component={Link} to="/orders?leftToInvoice=true" size="sm">
                {t("dashboard.seeAll")}
              </Anchor>
            </Group>
            {milestones.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t("dashboard.noMilestones")}
              </Text>
            ) : (
              <Stack gap="xs">
                {milestones.map((m) => (
                  <Group key={m.milestoneId} justify="space-between" wrap="nowrap" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/orders/${m.orderId}`} size="sm" fw={600}>
                        {m.orderNumber ?? t("billing.draft")}
                      </Anchor>{" "}
                      <Text span size="sm">
                        · {m.customerName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {m.label} · {formatDate(m.plannedDate)}
                      </Text>
                    </div>
                    <Stack gap={2} align="flex-end">
                      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                        {formatMoney(m.amountExcludingVat)}
                      </Text>
                      {m.isLate && (
                        <Badge color="red" variant="light" size="sm">
                          {t("dashboard.late")}
                        </Badge>
                      )}
                    </Stack>
                  </Group>
                ))}
              </Stack>
            )}
          </Paper>
        )}
        {activity && (
          <Paper withBorder p="md" style={{ minWidth: 0 }}>
            <Group justify="space-between" mb="xs">
              <Title order={4}>{t("dashboard.activity")}</Title>
              <Anchor component={Link} to="/settings/audit" size="sm">
                {t("dashboard.seeAll")}
              </Anchor>
            </Group>
            {activity.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t("dashboard.noActivity")}
              </Text>
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {activity.map((a) => {
                  const url = activityUrl(a.entityType, a.entityId);
                  return (
                    <li key={a.id}>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(a.occurredAt)}
                      </Text>
                      {url ? (
                        <Anchor component={Link} to={url} size="sm">
                          {a.summary}
                        </Anchor>
                      ) : (
                        <Text size="sm">{a.summary}</Text>
                      )}
                    </li>
                  );
                })}
              </Stack>
            )}
          </Paper>
        )}
      </SimpleGrid>
    </Stack>
  );
}
