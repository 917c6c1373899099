import { Anchor, Badge, Checkbox, Group, Select, Skeleton, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useDebouncedValue } from "@mantine/hooks";
import { IconLinkOff, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { billingStatuses } from "@/components/billing/billing-api";
import { type BillingStatus, type InvoiceFilters, type InvoiceKind, invoiceKinds, noInvoiceFilters, useInvoices } from "../api/invoices";
import { BillingStatusBadge, InvoiceKindBadge, OverdueBadge } from "@/components/billing/billing-badges";
import { type InvoicePaymentStatus, paymentStatuses } from "@/components/receivables/receivables-api";
import { PaymentStatusBadge } from "@/components/receivables/payment-badges";

/** `initial`: the filters the list opens with (from its address, e.g. `?overdue=true`), and the filtered customer's name. */
export function InvoicesTable({ initial, initialCustomerName = null }: { initial?: InvoiceFilters; initialCustomerName?: string | null } = {}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<InvoiceFilters>(initial ?? noInvoiceFilters);
  const [customerName, setCustomerName] = useState<string | null>(initialCustomerName);
  const [debouncedSearch] = useDebouncedValue(filters.search, 300);
  const query = useInvoices({ ...filters, search: debouncedSearch.trim() });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<InvoiceFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = JSON.stringify({ ...filters, search: debouncedSearch }) !== JSON.stringify(noInvoiceFilters);

  return (
    <>
      <Group mb="md" align="flex-end">
        <TextInput
          aria-label={t("invoices.search")}
          placeholder={t("invoices.search")}
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
        <Select
          aria-label={t("invoices.kind")}
          placeholder={t("invoices.allKinds")}
          clearable
          data={invoiceKinds.map((k) => ({ value: k, label: t(`invoices.kinds.${k}`) }))}
          value={filters.kind}
          onChange={(v) => set({ kind: v as InvoiceKind | null })}
          w={190}
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
        <DatePickerInput
          label={t("invoices.issuedFrom")}
          valueFormat="DD/MM/YYYY"
          clearable
          value={filters.issuedFrom}
          onChange={(v) => set({ issuedFrom: v })}
          w={150}
        />
        <DatePickerInput label={t("invoices.issuedTo")} valueFormat="DD/MM/YYYY" clearable value={filters.issuedTo} onChange={(v) => set({ issuedTo: v })} w={150} />
        <Select
          aria-label={t("payments.paymentStatus")}
          placeholder={t("payments.allPaymentStatuses")}
          clearable
          data={paymentStatuses.map((s) => ({ value: s, label: t(`payments.statuses.${s}`) }))}
          value={filters.paymentStatus}
          onChange={(v) => set({ paymentStatus: v as InvoicePaymentStatus | null })}
          w={170}
        />
        <Checkbox label={t("invoices.overdueFilter")} checked={filters.overdue} onChange={(e) => set({ overdue: e.currentTarget.checked })} mb={8} />
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("invoices.empty")} description={filtered ? t("invoices.emptySearch") : t("invoices.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table striped highlightOnHover aria-label={t("nav.invoices")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("invoices.number")}</Table.Th>
                <Table.Th>{t("invoices.kind")}</Table.Th>
                <Table.Th>{t("invoices.customer")}</Table.Th>
                <Table.Th>{t("invoices.order")}</Table.Th>
                <Table.Th>{t("invoices.issueDate")}</Table.Th>
                <Table.Th>{t("invoices.dueDate")}</Table.Th>
                <Table.Th ta="right">{t("invoices.totalIncludingVat")}</Table.Th>
                <Table.Th ta="right">{t("invoices.amountDue")}</Table.Th>
                <Table.Th>{t("invoices.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/invoices/${i.id}`}>
                      {i.number ?? t("billing.draft")}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <InvoiceKindBadge kind={i.kind} />
                  </Table.Td>
                  <Table.Td>{i.customerName}</Table.Td>
                  <Table.Td>
                    {i.orderId ? (
                      <Anchor component={Link} to={`/orders/${i.orderId}`}>
                        {i.orderNumber}
                      </Anchor>
                    ) : (
                      <Tooltip label={t("invoices.notTraceable")}>
                        <IconLinkOff size={14} aria-label={t("invoices.notTraceable")} color="var(--mantine-color-orange-6)" />
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(i.issueDate)}</Table.Td>
                  <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(i.totalIncludingVat)}</Table.Td>
                  <Table.Td ta="right">
                    {i.status === "Draft" ? (
                      <Text span c="dimmed">
                        —
                      </Text>
                    ) : (
                      formatMoney(i.amountDue)
                    )}
                  </Table.Td>
                  <Table.Td miw={150}>
                    {/* badges wrap onto a second row rather than being cut ("Partiellem…") when the column is narrow */}
                    <Group gap={4} wrap="wrap">
                      <BillingStatusBadge status={i.status} />
                      {i.isOverdue && <OverdueBadge />}
                      {i.status === "Validated" && <PaymentStatusBadge status={i.paymentStatus} />}
                      {i.disputed && (
                        <Badge color="orange" variant="light" size="sm">
                          {t("payments.disputed")}
                        </Badge>
                      )}
                    </Group>
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
