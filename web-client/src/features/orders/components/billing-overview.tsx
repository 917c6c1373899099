import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "@/components/ui/error-state";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { useBillingOverview } from "../api/orders";

const shown = 5;

/** "À facturer": milestones due or late and validated orders with an amount left to invoice. */
export function BillingOverview() {
  const { t } = useTranslation();
  const query = useBillingOverview(true);
  if (query.isPending) return <Skeleton height={100} mb="md" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { dueMilestones, ordersLeftToInvoice } = query.data;
  if (dueMilestones.length === 0 && ordersLeftToInvoice.length === 0) return null;
  return (
    <Paper withBorder p="md" mb="md" aria-label={t("orders.overview.title")}>
      <Title order={4} mb="sm">
        {t("orders.overview.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t("orders.overview.dueMilestones", { count: dueMilestones.length })}
          </Text>
          {dueMilestones.slice(0, shown).map((m) => (
            <Group key={m.milestoneId} gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/orders/${m.orderId}`} size="sm">
                {m.orderNumber ?? t("orders.draft")}
              </Anchor>
              <Text size="sm">
                {m.customerName} — {m.label} · {formatDate(m.plannedDate)} · {formatMoney(m.plannedAmountExcludingVat)}
              </Text>
              {m.isLate && (
                <Badge color="red" size="sm">
                  {t("orders.schedule.late")}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t("orders.overview.ordersLeft", { count: ordersLeftToInvoice.length })}
          </Text>
          {ordersLeftToInvoice.slice(0, shown).map((o) => (
            <Group key={o.orderId} gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/orders/${o.orderId}`} size="sm">
                {o.orderNumber ?? t("orders.draft")}
              </Anchor>
              <Text size="sm">
                {o.customerName} · {formatDate(o.orderDate)} · {t("orders.overview.left", { amount: formatMoney(o.leftToInvoiceExcludingVat) })}
              </Text>
            </Group>
          ))}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
