import { Anchor, Badge, Group, Select, Skeleton, Table, TextInput } from "@mantine/core";
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
import { type BillingStatus, billingStatuses } from "@/components/billing/billing-api";
import { BillingStatusBadge } from "@/components/billing/billing-badges";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type CreditNoteFilters, noCreditNoteFilters, useCreditNotes } from "../api/credit-notes";

/** `invoiceId` / `customerId`: the list opens filtered on them (from its address); `customerName` names that customer. */
export function CreditNotesTable({
  invoiceId = null,
  customerId = null,
  customerName: initialCustomerName = null,
}: {
  invoiceId?: string | null;
  customerId?: string | null;
  customerName?: string | null;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CreditNoteFilters>({ ...noCreditNoteFilters, invoiceId, customerId });
  const [customerName, setCustomerName] = useState<string | null>(initialCustomerName);
  const [debouncedSearch] = useDebouncedValue(filters.search, 300);
  const query = useCreditNotes({ ...filters, search: debouncedSearch.trim() });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<CreditNoteFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = JSON.stringify({ ...filters, search: debouncedSearch }) !== JSON.stringify(noCreditNoteFilters);

  return (
    <>
      <Group mb="md" align="flex-end">
        <TextInput
          aria-label={t("creditNotes.search")}
          placeholder={t("creditNotes.search")}
          leftSection={<IconSearch size={16} />}
          value={filters.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
          w={280}
        />
        <Select
          aria-label={t("invoices.status")}
          placeholder={t("invoices.allStatuses")}
          clearable
          data={billingStatuses.map((s) => ({ value: s, label: t(`billing.statuses.${s}`) }))}
          value={filters.status}
          onChange={(v) => set({ status: v as BillingStatus | null })}
          w={160}
        />
        <div style={{ width: 240 }}>
          <CustomerSelect
            label={t("invoices.customer")}
            value={filters.customerId}
            valueLabel={customerName}
            onChange={(id, name) => {
              setCustomerName(name);
              set({ customerId: id });
            }}
          />
        </div>
        <DatePickerInput label={t("invoices.issuedFrom")} valueFormat="DD/MM/YYYY" clearable value={filters.issuedFrom} onChange={(v) => set({ issuedFrom: v })} w={150} />
        <DatePickerInput label={t("invoices.issuedTo")} valueFormat="DD/MM/YYYY" clearable value={filters.issuedTo} onChange={(v) => set({ issuedTo: v })} w={150} />
        {filters.invoiceId && (
          <Badge variant="light" size="lg" rightSection={<Anchor size="xs" onClick={() => set({ invoiceId: null })}>✕</Anchor>}>
            {t("creditNotes.invoiceFilter")}
          </Badge>
        )}
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("creditNotes.empty")} description={filtered ? t("invoices.emptySearch") : t("creditNotes.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t("nav.creditNotes")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("invoices.number")}</Table.Th>
                <Table.Th>{t("creditNotes.invoice")}</Table.Th>
                <Table.Th>{t("invoices.customer")}</Table.Th>
                <Table.Th>{t("creditNotes.reason")}</Table.Th>
                <Table.Th>{t("invoices.issueDate")}</Table.Th>
                <Table.Th ta="right">{t("invoices.totalExcludingVat")}</Table.Th>
                <Table.Th ta="right">{t("invoices.totalIncludingVat")}</Table.Th>
                <Table.Th>{t("invoices.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/credit-notes/${c.id}`}>
                      {c.number ?? t("billing.draft")}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/invoices/${c.invoiceId}`}>
                      {c.invoiceNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.customerName}</Table.Td>
                  <Table.Td>{t(`creditNotes.reasons.${c.reason}`)}</Table.Td>
                  <Table.Td>{formatDate(c.issueDate)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(c.totalExcludingVat)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(c.totalIncludingVat)}</Table.Td>
                  <Table.Td>
                    <BillingStatusBadge status={c.status} />
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
