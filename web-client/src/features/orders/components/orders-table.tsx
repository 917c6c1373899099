import { Anchor, Checkbox, Group, Select, Skeleton, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconLinkOff, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { CustomerFilterChip } from "@/components/filters/customer-filter";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { OrderStatusBadge } from "@/components/sales-lines/status-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type OrderStatus, orderStatuses, useOrders } from "../api/orders";

/** `initial`: the filters the list opens with, from its address (`?leftToInvoice=true`, `?customerId=`). */
export function OrdersTable({ initial = {} }: { initial?: { leftToInvoice?: boolean; customerId?: string | null; customerName?: string | null } } = {}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [leftToInvoice, setLeftToInvoice] = useState(initial.leftToInvoice ?? false);
  const [customer, setCustomer] = useState(initial.customerId ? { id: initial.customerId, name: initial.customerName ?? null } : null);
  const [debounced] = useDebouncedValue(search, 300);
  const query = useOrders(debounced.trim(), status, leftToInvoice, customer?.id ?? null);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Group mb="md">
        <TextInput
          aria-label={t("orders.search")}
          placeholder={t("orders.search")}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={340}
        />
        <Select
          aria-label={t("orders.status")}
          placeholder={t("orders.allStatuses")}
          clearable
          data={orderStatuses.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as OrderStatus | null)}
          w={200}
        />
        <Checkbox label={t("orders.leftToInvoiceFilter")} checked={leftToInvoice} onChange={(e) => setLeftToInvoice(e.currentTarget.checked)} />
        {customer && <CustomerFilterChip name={customer.name} onClear={() => setCustomer(null)} />}
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("orders.empty")} description={debounced || status || leftToInvoice ? t("orders.emptySearch") : t("orders.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("orders.number")}</Table.Th>
                <Table.Th>{t("orders.customer")}</Table.Th>
                <Table.Th>{t("orders.orderDate")}</Table.Th>
                <Table.Th ta="right">{t("orders.totalExcludingVat")}</Table.Th>
                <Table.Th ta="right">{t("orders.totalIncludingVat")}</Table.Th>
                <Table.Th ta="right">{t("orders.leftToInvoice")}</Table.Th>
                <Table.Th>{t("orders.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Anchor component={Link} to={`/orders/${o.id}`}>
                        {o.number ?? t("orders.draft")}
                      </Anchor>
                      {!o.traceableToQuote && (
                        <Tooltip label={t("orders.notTraceable")}>
                          <IconLinkOff size={14} aria-label={t("orders.notTraceable")} color="var(--mantine-color-orange-6)" />
                        </Tooltip>
                      )}
                    </Group>
                    {o.customerReference && (
                      <Text size="xs" c="dimmed">
                        {o.customerReference}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{o.customerName}</Table.Td>
                  <Table.Td>{formatDate(o.orderDate)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(o.totalExcludingVat)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(o.totalIncludingVat)}</Table.Td>
                  <Table.Td ta="right">{o.status === "Draft" ? "—" : formatMoney(o.leftToInvoiceExcludingVat)}</Table.Td>
                  <Table.Td>
                    <OrderStatusBadge status={o.status} leftToInvoice={o.leftToInvoiceExcludingVat} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} />
    </>
  );
}
