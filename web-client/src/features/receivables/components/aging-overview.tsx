import { ActionIcon, Anchor, Group, Paper, SimpleGrid, Skeleton, Table, Text, Tooltip } from "@mantine/core";
import { IconFileTypePdf } from "@tabler/icons-react";
import { Suspense, lazy } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type AgingAmounts, agingBuckets, bucketField, statementUrl, useAging } from "../api/receivables";

const AgingChart = lazy(() => import("./aging-chart"));

export const bucketColors = { NotDue: "teal.6", Days1To30: "yellow.6", Days31To60: "orange.6", Days61To90: "red.6", Over90: "red.9" } as const;

/** Aging chart, totals per bucket, DSO and the per-customer table. Every figure comes from GET /receivables/aging. */
export function AgingOverview({ onBucket }: { onBucket?: (bucket: (typeof agingBuckets)[number]) => void }) {
  const { t } = useTranslation();
  const query = useAging();
  if (query.isPending) return <Skeleton height={320} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const report = query.data;
  // One series per bucket, stacked, so each bar keeps its own colour.
  const chartData = agingBuckets.map((b) => ({ bucket: t(`receivables.buckets.${b}`), [b]: report.totals[bucketField[b]] }));

  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 7 }} mb="md">
        <Kpi label={t("receivables.totalOutstanding")} value={formatMoney(report.totals.total)} testId="aging-total" strong />
        {agingBuckets.map((b) => (
          <Kpi
            key={b}
            label={t(`receivables.buckets.${b}`)}
            value={formatMoney(report.totals[bucketField[b]])}
            testId={`aging-${b}`}
            onClick={onBucket ? () => onBucket(b) : undefined}
          />
        ))}
        <Kpi
          label={t("receivables.dso")}
          value={report.daysSalesOutstanding === null ? "—" : t("receivables.days", { count: report.daysSalesOutstanding })}
          hint={t("receivables.dsoHelp", { from: formatDate(report.dsoFrom), sales: formatMoney(report.salesLast90Days) })}
          testId="dso"
        />
      </SimpleGrid>
      <Paper withBorder p="md" mb="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t("receivables.chartTitle")}</Text>
          <Text size="xs" c="dimmed">
            {t("receivables.asOf", { date: formatDate(report.asOf) })} · {t("receivables.disputedPart", { amount: formatMoney(report.totals.disputed) })}
          </Text>
        </Group>
        <Suspense fallback={<Skeleton h={220} />}>
          <AgingChart
            data={chartData}
            series={agingBuckets.map((b) => ({ name: b, label: t(`receivables.buckets.${b}`), color: bucketColors[b] }))}
            label={t("receivables.chartTitle")}
          />
        </Suspense>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {t("receivables.perCustomer")}
        </Text>
        {report.customers.length === 0 ? (
          <EmptyState title={t("receivables.nothingOwed")} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing={4} aria-label={t("receivables.perCustomer")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("receivables.customer")}</Table.Th>
                  {agingBuckets.map((b) => (
                    <Table.Th key={b} ta="right">
                      {t(`receivables.buckets.${b}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t("receivables.total")}</Table.Th>
                  <Table.Th ta="right">{t("receivables.disputed")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.customers.map((c) => (
                  <AgingRow key={c.customerId} customerId={c.customerId} name={c.customerName} amounts={c.amounts} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}

function AgingRow({ customerId, name, amounts }: { customerId: string; name: string; amounts: AgingAmounts }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid={`aging-row-${name}`}>
      <Table.Td>
        <Anchor component={Link} to={`/customers/${customerId}`} size="sm">
          {name}
        </Anchor>
      </Table.Td>
      {agingBuckets.map((b) => (
        <Table.Td key={b} ta="right" c={amounts[bucketField[b]] === 0 ? "dimmed" : undefined}>
          {amounts[bucketField[b]] === 0 ? "—" : formatMoney(amounts[bucketField[b]])}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={600}>
        {formatMoney(amounts.total)}
      </Table.Td>
      <Table.Td ta="right">{amounts.disputed ? formatMoney(amounts.disputed) : "—"}</Table.Td>
      <Table.Td>
        <Tooltip label={t("receivables.statement")}>
          <ActionIcon variant="subtle" component="a" href={statementUrl(customerId)} target="_blank" aria-label={t("receivables.statementOf", { name })}>
            <IconFileTypePdf size={16} />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}

function Kpi({ label, value, hint, testId, strong, onClick }: { label: string; value: string; hint?: string; testId?: string; strong?: boolean; onClick?: () => void }) {
  const body = (
    <Paper withBorder p="xs" style={onClick ? { cursor: "pointer" } : undefined} onClick={onClick}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={strong ? 800 : 600} size={strong ? "lg" : "md"} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
  return hint ? <Tooltip label={hint}>{body}</Tooltip> : body;
}
