import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from "@mantine/core";
import { IconFileText, IconHistory } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatMoney, formatPercent } from "@/lib/format-money";
import type { Order } from "../api/orders";

/**
 * "Reste à facturer": overall, per VAT rate and per line, as the API's billing ledger gives it. `delivered`: the quantity
 * delivered per order line as the delivery notes count it, when the page has it (else the ledger's).
 */
export function OrderBillingBlock({ order, delivered }: { order: Order; delivered?: Record<string, number> }) {
  const { t } = useTranslation();
  const billing = order.billing;
  if (!billing) return null;
  const lineLabel = (id: string) => order.lines.find((l) => l.id === id)?.description.split("\n")[0] ?? id;
  return (
    <Paper withBorder p="md" aria-label={t("orders.leftToInvoice")}>
      <Title order={4} mb="sm">
        {t("orders.leftToInvoice")}
      </Title>
      <SimpleGrid cols={3} mb="md">
        <Stat label={t("orders.ordered")} value={formatMoney(billing.orderedExcludingVat, order.currency)} />
        <Stat label={t("orders.invoiced")} value={formatMoney(billing.invoicedExcludingVat, order.currency)} />
        <Stat label={t("orders.leftToInvoice")} value={formatMoney(billing.leftToInvoiceExcludingVat, order.currency)} testId="left-to-invoice" />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={560} mb="md">
        <Table fz="sm" aria-label={t("orders.leftPerRate")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("salesLines.vatRate")}</Table.Th>
              <Table.Th ta="right">{t("orders.orderedBase")}</Table.Th>
              <Table.Th ta="right">{t("orders.depositedBase")}</Table.Th>
              <Table.Th ta="right">{t("orders.deductedBase")}</Table.Th>
              <Table.Th ta="right">{t("orders.leftBase")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {billing.rates.map((r) => (
              <Table.Tr key={r.rate}>
                <Table.Td>{formatPercent(r.rate)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.orderedBase, order.currency)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.depositedBase, order.currency)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.deductedBase, order.currency)}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.leftBase, order.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" aria-label={t("orders.leftPerLine")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("salesLines.description")}</Table.Th>
              <Table.Th ta="right">{t("orders.orderedNet")}</Table.Th>
              <Table.Th ta="right">{t("orders.deliveredQuantity")}</Table.Th>
              <Table.Th ta="right">{t("orders.invoicedNet")}</Table.Th>
              <Table.Th ta="right">{t("orders.creditedNet")}</Table.Th>
              <Table.Th ta="right">{t("orders.leftNet")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {billing.lines.map((l) => (
              <Table.Tr key={l.orderLineId}>
                <Table.Td>{lineLabel(l.orderLineId)}</Table.Td>
                <Table.Td ta="right">{formatMoney(l.orderedNet, order.currency)}</Table.Td>
                <Table.Td ta="right">{formatQuantity(delivered?.[l.orderLineId] ?? l.deliveredQuantity)}</Table.Td>
                <Table.Td ta="right">{formatMoney(l.invoicedNet, order.currency)}</Table.Td>
                <Table.Td ta="right">{formatMoney(l.creditedNet, order.currency)}</Table.Td>
                <Table.Td ta="right">{formatMoney(l.leftNet, order.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

const formatQuantity = (value: number) => new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }).format(value);

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

const documentPaths: Record<string, string> = { Quote: "/quotes", Order: "/orders", Invoice: "/invoices", DepositInvoice: "/invoices", CreditNote: "/credit-notes" };

/** The documents linked to the order (quote → order, later invoices, payments, deliveries) and its history. */
export function OrderTimeline({ order }: { order: Order }) {
  const { t } = useTranslation();
  const historyLabel = (action: string) => {
    const key = action.replace(/^order\./, "");
    return t(`orders.history.${key}`, { defaultValue: action });
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("orders.linkedDocuments")}
        </Title>
        {order.linkedDocuments.length === 0 ? (
          <Text c="dimmed" size="sm">
            {order.traceableToQuote ? t("orders.noLinkedDocuments") : t("orders.notTraceable")}
          </Text>
        ) : (
          <Timeline bulletSize={22} lineWidth={2} aria-label={t("orders.linkedDocuments")}>
            {order.linkedDocuments.map((d) => {
              const path = documentPaths[d.kind];
              const label = `${t(`orders.documentKinds.${d.kind}`, { defaultValue: d.kind })} ${d.number ?? ""}`.trim();
              return (
                <Timeline.Item key={d.id} bullet={<IconFileText size={12} />} title={path ? <Anchor component={Link} to={`${path}/${d.id}`}>{label}</Anchor> : label}>
                  <Group gap="xs">
                    <Badge size="sm" variant="light">
                      {t(`orders.documentStatuses.${d.status}`, { defaultValue: d.status })}
                    </Badge>
                    {d.date && (
                      <Text size="xs" c="dimmed">
                        {formatDate(d.date)}
                      </Text>
                    )}
                  </Group>
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("orders.historyTitle")}
        </Title>
        <Stack gap={6} aria-label={t("orders.historyTitle")}>
          {order.history.map((h, i) => (
            <Group key={`${h.occurredAt}-${i}`} gap="xs" wrap="nowrap">
              <IconHistory size={14} />
              <Text size="sm">
                {historyLabel(h.action)} — {h.actorName ?? t("orders.system")}, {formatDateTime(h.occurredAt)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
