import { Group, Paper, Skeleton, Table, Text } from "@mantine/core";
import { MonthPickerInput } from "@mantine/dates";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { formatMoney, formatPercent } from "@/lib/format-money";
import { useVatSummary } from "../api/accounting";

type VatSummary = NonNullable<ReturnType<typeof useVatSummary>["data"]>;

/** The CA3's non-taxed lines and the franchise turnover, in the order of the return. */
function nonTaxableRows(summary: VatSummary): [string, number][] {
  return [
    ["exports", summary.nonTaxable.exports],
    ["intraCommunitySupplies", summary.nonTaxable.intraCommunitySupplies],
    ["otherNonTaxable", summary.nonTaxable.otherNonTaxable],
    ["franchiseTurnover", summary.franchiseTurnover],
  ];
}

/** VAT due per rate for a period's return, and its non-taxed operations (computed by the API from the books). */
export function VatSummaryPanel() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<string | null>(dayjs().subtract(1, "month").startOf("month").format("YYYY-MM-DD"));
  const from = month ? dayjs(month).startOf("month").format("YYYY-MM-DD") : null;
  const to = month ? dayjs(month).endOf("month").format("YYYY-MM-DD") : null;
  const query = useVatSummary(from, to);
  return (
    <Paper withBorder p="md">
      <Group mb="md">
        <MonthPickerInput label={t("accounting.month")} valueFormat="MMMM YYYY" value={month} onChange={setMonth} w={200} />
      </Group>
      {!month ? null : query.isPending ? (
        <Skeleton height={120} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.rows.length === 0 && nonTaxableRows(query.data).every(([, amount]) => amount === 0) ? (
        <EmptyState title={t("accounting.noVat")} />
      ) : (
        <>
          <Table verticalSpacing={4} aria-label={t("accounting.vatTab")} maw={600}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("accounting.vatRate")}</Table.Th>
                <Table.Th ta="right">{t("accounting.vatBase")}</Table.Th>
                <Table.Th ta="right">{t("accounting.vatDue")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.rows.map((r) => (
                <Table.Tr key={r.rate}>
                  <Table.Td>{formatPercent(r.rate)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(r.base)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(r.vat)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={2}>{t("accounting.totalVat")}</Table.Th>
                <Table.Th ta="right" data-testid="vat-total">
                  {formatMoney(query.data.totalVat)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <Text size="sm" c="dimmed" mt="sm">
            {t("accounting.pendingVat", { amount: formatMoney(query.data.pendingVatAtEnd) })}
          </Text>
          <Table verticalSpacing={4} aria-label={t("accounting.nonTaxable")} maw={600} mt="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th colSpan={2}>{t("accounting.nonTaxable")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nonTaxableRows(query.data).map(([key, amount]) => (
                <Table.Tr key={key}>
                  <Table.Td>{t(`accounting.${key}`)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}
