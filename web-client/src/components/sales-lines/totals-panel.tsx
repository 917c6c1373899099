import { Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatMoney, formatPercent } from "@/lib/format-money";
import type { Totals } from "./sales-lines-api";

/** Totals exactly as the API computed them (line nets, VAT per rate on the sum of nets): nothing is added up here. */
export function TotalsPanel({ totals, currency = "EUR", computing = false }: { totals: Totals | null | undefined; currency?: string; computing?: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" miw={300} aria-label={t("salesLines.totals")} data-testid="totals-panel">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t("salesLines.totals")}</Text>
        {computing && <Loader size="xs" aria-label={t("salesLines.computing")} />}
      </Group>
      {!totals ? (
        <Text c="dimmed" size="sm">
          {t("salesLines.noTotals")}
        </Text>
      ) : (
        <Stack gap={4}>
          {totals.vatBreakdown.length > 0 && (
            <Table withRowBorders={false} verticalSpacing={2} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("salesLines.vatRate")}</Table.Th>
                  <Table.Th ta="right">{t("salesLines.vatBase")}</Table.Th>
                  <Table.Th ta="right">{t("salesLines.vatAmount")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {totals.vatBreakdown.map((row) => (
                  <Table.Tr key={`${row.rate}-${row.category}`} data-testid="vat-row">
                    <Table.Td>
                      {formatPercent(row.rate)}
                      {row.category !== "Standard" && (
                        <Text span size="xs" c="dimmed" ml={4}>
                          {t(`salesLines.vatCategories.${row.category}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(row.base, currency)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(row.vat, currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="space-between">
            <Text size="sm">{t("salesLines.totalExcludingVat")}</Text>
            <Text size="sm" fw={600} data-testid="total-ht">
              {formatMoney(totals.totalExcludingVat, currency)}
            </Text>
          </Group>
          <Group justify="space-between">
            <Text size="sm">{t("salesLines.totalVat")}</Text>
            <Text size="sm" data-testid="total-vat">
              {formatMoney(totals.totalVat, currency)}
            </Text>
          </Group>
          <Group justify="space-between">
            <Text fw={700}>{t("salesLines.totalIncludingVat")}</Text>
            <Text fw={700} data-testid="total-ttc">
              {formatMoney(totals.totalIncludingVat, currency)}
            </Text>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
