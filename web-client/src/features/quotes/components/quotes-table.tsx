import { Anchor, Group, Select, Skeleton, Table, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { CustomerFilterChip } from "@/components/filters/customer-filter";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { QuoteStatusBadge } from "@/components/sales-lines/status-badges";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type QuoteStatus, quoteStatuses, useQuotes } from "../api/quotes";

/** `initial`: the customer the list opens filtered on, from its address (`?customerId=`). */
export function QuotesTable({ initial = {} }: { initial?: { customerId?: string | null; customerName?: string | null } } = {}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<QuoteStatus | null>(null);
  const [customer, setCustomer] = useState(initial.customerId ? { id: initial.customerId, name: initial.customerName ?? null } : null);
  const [debounced] = useDebouncedValue(search, 300);
  const query = useQuotes(debounced.trim(), status, customer?.id ?? null);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Group mb="md">
        <TextInput
          aria-label={t("quotes.search")}
          placeholder={t("quotes.search")}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <Select
          aria-label={t("quotes.status")}
          placeholder={t("quotes.allStatuses")}
          clearable
          data={quoteStatuses.map((s) => ({ value: s, label: t(`quotes.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as QuoteStatus | null)}
          w={200}
        />
        {customer && <CustomerFilterChip name={customer.name} onClear={() => setCustomer(null)} />}
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("quotes.empty")} description={debounced || status ? t("quotes.emptySearch") : t("quotes.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("quotes.number")}</Table.Th>
                <Table.Th>{t("quotes.customer")}</Table.Th>
                <Table.Th>{t("quotes.validUntil")}</Table.Th>
                <Table.Th ta="right">{t("quotes.totalExcludingVat")}</Table.Th>
                <Table.Th ta="right">{t("quotes.totalIncludingVat")}</Table.Th>
                <Table.Th>{t("quotes.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/quotes/${q.id}`}>
                      {q.number ?? t("quotes.draft")}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{q.customer?.name ?? ""}</Table.Td>
                  <Table.Td>{formatDate(q.validUntil)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(q.totalExcludingVat)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(q.totalIncludingVat)}</Table.Td>
                  <Table.Td>
                    <QuoteStatusBadge status={q.status} isExpired={q.isExpired} />
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
