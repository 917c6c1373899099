import { Anchor, Checkbox, Group, Select, Skeleton, Table, Text, TextInput } from "@mantine/core";
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
import { type ContractFilters, type ContractStatus, contractStatuses, noContractFilters, useContracts } from "../api/contracts";
import { ContractStatusBadge } from "./contract-badges";

/** The contracts, filtered by status, customer, text and "à renouveler" (term ending within 60 days). */
export function ContractsTable({ initial, initialCustomerName = null }: { initial?: ContractFilters; initialCustomerName?: string | null } = {}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ContractFilters>(initial ?? noContractFilters);
  const [customerName, setCustomerName] = useState<string | null>(initialCustomerName);
  const [debouncedSearch] = useDebouncedValue(filters.search, 300);
  const query = useContracts({ ...filters, search: debouncedSearch.trim() });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<ContractFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = JSON.stringify({ ...filters, search: debouncedSearch }) !== JSON.stringify(noContractFilters);

  return (
    <>
      <Group mb="md" align="flex-end">
        <TextInput
          aria-label={t("contracts.search")}
          placeholder={t("contracts.search")}
          leftSection={<IconSearch size={16} />}
          value={filters.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
          w={260}
        />
        <Select
          aria-label={t("contracts.status")}
          placeholder={t("contracts.allStatuses")}
          clearable
          data={contractStatuses.map((s) => ({ value: s, label: t(`contracts.statuses.${s}`) }))}
          value={filters.status}
          onChange={(v) => set({ status: v as ContractStatus | null })}
          w={170}
        />
        <div style={{ width: 240 }}>
          <CustomerSelect
            label={t("contracts.customer")}
            value={filters.customerId}
            valueLabel={customerName}
            onChange={(id, name) => {
              setCustomerName(name);
              set({ customerId: id });
            }}
          />
        </div>
        <Checkbox label={t("contracts.toRenewFilter")} checked={filters.toRenew} onChange={(e) => set({ toRenew: e.currentTarget.checked })} mb={8} />
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("contracts.empty")} description={filtered ? t("contracts.emptySearch") : t("contracts.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t("nav.contracts")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("contracts.number")}</Table.Th>
                <Table.Th>{t("contracts.customer")}</Table.Th>
                <Table.Th>{t("contracts.periodicity")}</Table.Th>
                <Table.Th>{t("contracts.startDate")}</Table.Th>
                <Table.Th>{t("contracts.termEnd")}</Table.Th>
                <Table.Th ta="right">{t("contracts.mrr")}</Table.Th>
                <Table.Th>{t("contracts.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/contracts/${c.id}`}>
                      {c.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.customerName}</Table.Td>
                  <Table.Td>{t(`periodicities.${c.periodicity}`)}</Table.Td>
                  <Table.Td>{formatDate(c.startDate)}</Table.Td>
                  <Table.Td>{formatDate(c.currentTermEnd)}</Table.Td>
                  <Table.Td ta="right" data-testid="contract-mrr">
                    {c.status === "Active" ? formatMoney(c.monthlyRecurringRevenue) : <Text span c="dimmed">—</Text>}
                  </Table.Td>
                  <Table.Td>
                    <ContractStatusBadge status={c.status} />
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
