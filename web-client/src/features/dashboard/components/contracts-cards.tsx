import { Anchor, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import type { Dashboard } from "../api/dashboard";

function monthLabel(month: string, language: string) {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * The subscription contracts on the home page: recurring revenue (monthly and annual, excluding VAT), what the active
 * contracts will invoice month by month, and the contracts reaching their term. Each part is absent when the API
 * gives null (the user may not read contracts).
 */
export function ContractsCards({ data }: { data: Pick<Dashboard, "recurringRevenue" | "contractsToRenew"> }) {
  const { t, i18n } = useTranslation();
  const { recurringRevenue, contractsToRenew } = data;
  if (!recurringRevenue && !contractsToRenew) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {recurringRevenue && (
        <Paper withBorder p="md" style={{ minWidth: 0 }} data-testid="dashboard-recurring-revenue">
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t("dashboard.recurringRevenue")}</Title>
            <Anchor component={Link} to="/contracts?status=Active" size="sm">
              {t("dashboard.seeAll")}
            </Anchor>
          </Group>
          <SimpleGrid cols={2} mb="sm">
            <Card withBorder padding="sm">
              <Text size="sm" c="dimmed">
                {t("dashboard.mrr")}
              </Text>
              <Text fw={700} fz="lg" data-testid="dashboard-mrr">
                {formatMoney(recurringRevenue.monthlyRecurringRevenue)}
              </Text>
            </Card>
            <Card withBorder padding="sm">
              <Text size="sm" c="dimmed">
                {t("dashboard.arr")}
              </Text>
              <Text fw={700} fz="lg" data-testid="dashboard-arr">
                {formatMoney(recurringRevenue.annualRecurringRevenue)}
              </Text>
            </Card>
          </SimpleGrid>
          <Text size="xs" c="dimmed" mb="xs">
            {t("dashboard.activeContracts", { count: recurringRevenue.activeContracts })} · {t("dashboard.excludingVat")}
          </Text>
          <Text size="sm" fw={600} mb={4}>
            {t("dashboard.revenueToCome")}
          </Text>
          <Table.ScrollContainer minWidth={260} mah={260}>
            <Table aria-label={t("dashboard.revenueToCome")} verticalSpacing={2}>
              <Table.Tbody>
                {recurringRevenue.revenueToCome.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Td>{monthLabel(m.month, i18n.language)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(m.amountExcludingVat)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {contractsToRenew && (
        <Paper withBorder p="md" style={{ minWidth: 0 }} data-testid="dashboard-contracts-to-renew">
          <Group justify="space-between" mb="xs">
            <Title order={4}>
              {t("dashboard.contractsToRenew")}{" "}
              <Text span c="dimmed" fz="md" data-testid="contracts-to-renew-count">
                ({contractsToRenew.count})
              </Text>
            </Title>
            <Anchor component={Link} to="/contracts/renewals" size="sm">
              {t("dashboard.seeAll")}
            </Anchor>
          </Group>
          {contractsToRenew.nearest.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("dashboard.noContractsToRenew")}
            </Text>
          ) : (
            <Stack gap="xs">
              {contractsToRenew.nearest.slice(0, 5).map((c) => (
                <Group key={c.id} justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/contracts/${c.id}`} size="sm" fw={600}>
                      {c.reference}
                    </Anchor>{" "}
                    <Text span size="sm">
                      · {c.customerName}
                    </Text>
                    <Text size="xs" c={c.noticeDeadlinePassed ? "red" : "dimmed"}>
                      {t("dashboard.noticeUntil", { date: formatDate(c.noticeDeadline) })}
                    </Text>
                  </div>
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {formatDate(c.currentTermEnd)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
      )}
    </SimpleGrid>
  );
}
