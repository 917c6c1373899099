import { Anchor, Badge, CloseButton, Group, Select, Skeleton, Table, TextInput } from "@mantine/core";
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
import { type DeliveryNoteFilters, type DeliveryNoteStatus, deliveryNoteStatuses, noDeliveryNoteFilters, useDeliveryNotes } from "../api/delivery-notes";
import { DeliveryNoteStatusBadge } from "./delivery-note-badges";

/**
 * The delivery notes, newest first, filtered by status, customer, order (from the address: `?orderId=`, shown as a chip)
 * and a search on the number, the order number or the customer.
 */
export function DeliveryNotesTable({ initial, initialCustomerName = null }: { initial?: DeliveryNoteFilters; initialCustomerName?: string | null }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<DeliveryNoteFilters>(initial ?? noDeliveryNoteFilters);
  const [customerName, setCustomerName] = useState<string | null>(initialCustomerName);
  const [debouncedSearch] = useDebouncedValue(filters.search, 300);
  const query = useDeliveryNotes({ ...filters, search: debouncedSearch.trim() });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<DeliveryNoteFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = JSON.stringify({ ...filters, search: debouncedSearch }) !== JSON.stringify(noDeliveryNoteFilters);
  const orderNumber = items.find((n) => n.orderId === filters.orderId)?.orderNumber;

  return (
    <>
      <Group mb="md" align="flex-end">
        <TextInput
          aria-label={t("deliveryNotes.search")}
          placeholder={t("deliveryNotes.search")}
          leftSection={<IconSearch size={16} />}
          value={filters.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
          w={280}
        />
        <Select
          aria-label={t("deliveryNotes.status")}
          placeholder={t("deliveryNotes.allStatuses")}
          clearable
          data={deliveryNoteStatuses.map((s) => ({ value: s, label: t(`deliveryNotes.statuses.${s}`) }))}
          value={filters.status}
          onChange={(v) => set({ status: v as DeliveryNoteStatus | null })}
          w={170}
        />
        <div style={{ width: 240 }}>
          <CustomerSelect
            label={t("deliveryNotes.customer")}
            value={filters.customerId}
            valueLabel={customerName}
            onChange={(id, name) => {
              setCustomerName(name);
              set({ customerId: id });
            }}
          />
        </div>
        {filters.orderId && (
          <Badge
            variant="light"
            size="lg"
            mb={6}
            data-testid="order-filter"
            rightSection={<CloseButton size="xs" variant="transparent" aria-label={t("deliveryNotes.clearOrderFilter")} onClick={() => set({ orderId: null })} />}
          >
            {t("deliveryNotes.orderFilter", { number: orderNumber ?? "…" })}
          </Badge>
        )}
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("deliveryNotes.empty")} description={filtered ? t("deliveryNotes.emptySearch") : t("deliveryNotes.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t("nav.deliveryNotes")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("deliveryNotes.number")}</Table.Th>
                <Table.Th>{t("deliveryNotes.customer")}</Table.Th>
                <Table.Th>{t("deliveryNotes.order")}</Table.Th>
                <Table.Th>{t("deliveryNotes.plannedDate")}</Table.Th>
                <Table.Th>{t("deliveryNotes.deliveredOn")}</Table.Th>
                <Table.Th>{t("deliveryNotes.invoice")}</Table.Th>
                <Table.Th>{t("deliveryNotes.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/delivery-notes/${n.id}`}>
                      {n.number ?? t("deliveryNotes.draft")}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${n.customerId}`}>
                      {n.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/orders/${n.orderId}`}>
                      {n.orderNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(n.plannedDate)}</Table.Td>
                  <Table.Td>{formatDate(n.deliveredOn)}</Table.Td>
                  <Table.Td>
                    {n.invoiceId && (
                      <Anchor component={Link} to={`/invoices/${n.invoiceId}`}>
                        {t("deliveryNotes.invoiced")}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <DeliveryNoteStatusBadge status={n.status} />
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
