import { Anchor, Checkbox, Group, Select, Skeleton, Table, Text, TextInput } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type PaymentFilters, type PaymentState, noPaymentFilters, usePayments } from "../api/payments";
import { PaymentStateBadge, UnidentifiedBadge } from "./payment-badges";

/** `initial`: the filters the list opens with (from its address, e.g. `?customerId=`), and the filtered customer's name. */
export function PaymentsTable({ initial, initialCustomerName = null }: { initial?: PaymentFilters; initialCustomerName?: string | null } = {}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<PaymentFilters>(initial ?? noPaymentFilters);
  const [customerName, setCustomerName] = useState<string | null>(initialCustomerName);
  const [search] = useDebouncedValue(filters.search, 300);
  const query = usePayments({ ...filters, search: search.trim() });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<PaymentFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = JSON.stringify({ ...filters, search }) !== JSON.stringify(noPaymentFilters);

  return (
    <>
      <Group mb="md" align="flex-end">
        <TextInput
          aria-label={t("payments.search")}
          placeholder={t("payments.search")}
          leftSection={<IconSearch size={16} />}
          value={filters.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
          w={220}
        />
        <div style={{ width: 240 }}>
          <CustomerSelect
            label={t("payments.customer")}
            value={filters.customerId}
            valueLabel={customerName}
            onChange={(id, name) => {
              setCustomerName(name);
              set({ customerId: id, unidentified: false });
            }}
          />
        </div>
        <DatePickerInput label={t("payments.from")} valueFormat="DD/MM/YYYY" clearable value={filters.from} onChange={(v) => set({ from: v })} w={140} />
        <DatePickerInput label={t("payments.to")} valueFormat="DD/MM/YYYY" clearable value={filters.to} onChange={(v) => set({ to: v })} w={140} />
        <Select
          label={t("payments.state")}
          placeholder={t("payments.allStates")}
          clearable
          data={(["Active", "Cancelled"] as PaymentState[]).map((s) => ({ value: s, label: t(`payments.states.${s}`) }))}
          value={filters.state}
          onChange={(v) => set({ state: v as PaymentState | null })}
          w={150}
        />
        <Checkbox
          label={t("payments.unidentifiedFilter")}
          checked={filters.unidentified}
          onChange={(e) => set({ unidentified: e.currentTarget.checked, customerId: e.currentTarget.checked ? null : filters.customerId })}
          mb={8}
        />
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("payments.empty")} description={filtered ? t("payments.emptySearch") : t("payments.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing={6} aria-label={t("nav.payments")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("payments.date")}</Table.Th>
                <Table.Th>{t("payments.customer")}</Table.Th>
                <Table.Th>{t("payments.method")}</Table.Th>
                <Table.Th>{t("payments.reference")}</Table.Th>
                <Table.Th ta="right">{t("payments.amount")}</Table.Th>
                <Table.Th ta="right">{t("payments.unallocated")}</Table.Th>
                <Table.Th>{t("payments.state")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/payments/${p.id}`}>
                      {formatDate(p.date)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.customerName ?? <UnidentifiedBadge />}</Table.Td>
                  <Table.Td>
                    {t(`orders.paymentMethods.${p.method}`)}
                    {p.direction === "Refund" && (
                      <Text span size="xs" c="dimmed" ml={4}>
                        ({t("payments.refund")})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{p.reference}</Table.Td>
                  <Table.Td ta="right">{formatMoney(p.amount)}</Table.Td>
                  <Table.Td ta="right">{p.unallocated > 0 ? formatMoney(p.unallocated) : "—"}</Table.Td>
                  <Table.Td>
                    <PaymentStateBadge state={p.state} />
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
