import { ActionIcon, Anchor, Badge, Checkbox, Group, SegmentedControl, Select, Skeleton, Table, Text, Tooltip } from "@mantine/core";
import { IconFileTypePdf } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { PaymentStatusBadge } from "@/components/receivables/payment-badges";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type AgingBucket, type ReceivableFilters, agingBuckets, statementUrl, useReceivables } from "../api/receivables";

/** Due and overdue invoices with days late, outstanding and bucket; filters by customer, bucket and dispute. */
export function OverdueTable({ filters, onChange }: { filters: ReceivableFilters; onChange: (filters: ReceivableFilters) => void }) {
  const { t } = useTranslation();
  const [customerName, setCustomerName] = useState<string | null>(null);
  const query = useReceivables(filters);
  const pages = query.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const first = pages[0];
  const set = (patch: Partial<ReceivableFilters>) => onChange({ ...filters, ...patch });

  return (
    <>
      <Group mb="md" align="flex-end">
        <div style={{ width: 240 }}>
          <CustomerSelect
            label={t("receivables.customer")}
            value={filters.customerId}
            valueLabel={customerName}
            onChange={(id, name) => {
              setCustomerName(name);
              set({ customerId: id });
            }}
          />
        </div>
        <Select
          label={t("receivables.bucket")}
          placeholder={t("receivables.allBuckets")}
          clearable
          data={agingBuckets.map((b) => ({ value: b, label: t(`receivables.buckets.${b}`) }))}
          value={filters.bucket}
          onChange={(v) => set({ bucket: v as AgingBucket | null, overdueOnly: v === "NotDue" ? false : filters.overdueOnly })}
          w={170}
        />
        <div>
          <Text size="sm" fw={500} mb={2}>
            {t("receivables.disputedFilter")}
          </Text>
          <SegmentedControl
            size="xs"
            value={filters.disputed}
            onChange={(v) => set({ disputed: v as ReceivableFilters["disputed"] })}
            data={[
              { value: "all", label: t("receivables.disputedAll") },
              { value: "true", label: t("receivables.disputedOnly") },
              { value: "false", label: t("receivables.disputedNone") },
            ]}
          />
        </div>
        <Checkbox label={t("receivables.overdueOnly")} checked={filters.overdueOnly} onChange={(e) => set({ overdueOnly: e.currentTarget.checked })} mb={8} />
      </Group>
      {first && (
        <Text size="sm" mb="xs" data-testid="receivables-count">
          {t("receivables.countLine", { count: first.count, amount: formatMoney(first.totalOutstanding), date: formatDate(first.today) })}
        </Text>
      )}
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("receivables.empty")} />
      ) : (
        <Table.ScrollContainer minWidth={950}>
          <Table striped highlightOnHover verticalSpacing={4} aria-label={t("receivables.overdueTitle")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("receivables.invoice")}</Table.Th>
                <Table.Th>{t("receivables.customer")}</Table.Th>
                <Table.Th>{t("receivables.issueDate")}</Table.Th>
                <Table.Th>{t("receivables.dueDate")}</Table.Th>
                <Table.Th ta="right">{t("receivables.daysLateHeader")}</Table.Th>
                <Table.Th ta="right">{t("receivables.total")}</Table.Th>
                <Table.Th ta="right">{t("receivables.outstanding")}</Table.Th>
                <Table.Th>{t("receivables.status")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.invoiceId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/invoices/${r.invoiceId}`} size="sm">
                      {r.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm" c="inherit">
                      {r.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(r.issueDate)}</Table.Td>
                  <Table.Td>{formatDate(r.dueDate)}</Table.Td>
                  <Table.Td ta="right">
                    <Text span size="sm" c={r.daysLate > 30 ? "red" : r.daysLate > 0 ? "orange" : "dimmed"} fw={r.daysLate > 0 ? 600 : undefined}>
                      {r.daysLate}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(r.total)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatMoney(r.outstanding)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <PaymentStatusBadge status={r.paymentStatus} />
                      {r.disputed && (
                        <Tooltip label={r.disputeReason ?? ""} disabled={!r.disputeReason}>
                          <Badge color="orange" size="sm">
                            {t("payments.disputed")}
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      component="a"
                      href={statementUrl(r.customerId)}
                      target="_blank"
                      aria-label={t("receivables.statementOf", { name: r.customerName })}
                    >
                      <IconFileTypePdf size={16} />
                    </ActionIcon>
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
