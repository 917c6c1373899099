import { Anchor, Group, Select, Skeleton, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CustomerFilterChip } from "@/components/filters/customer-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type ProjectStatus, projectStatuses, useCompanyUsers, useProjects } from "../api/projects";
import { CompactBudgetBar, ProjectStatusBadge } from "./project-badges";

/** `initial`: the filters the list opens with, from its address (`?customerId=`, `?orderId=`). */
export function ProjectsTable({
  initial = {},
  canListUsers = false,
}: {
  initial?: { customerId?: string | null; customerName?: string | null; orderId?: string | null };
  canListUsers?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<ProjectStatus | null>(null);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [customer, setCustomer] = useState(initial.customerId ? { id: initial.customerId, name: initial.customerName ?? null } : null);
  const [debounced] = useDebouncedValue(search, 300);
  const users = useCompanyUsers(canListUsers);
  const query = useProjects({ search: debounced.trim(), status, memberId, customerId: customer?.id ?? null, orderId: initial.orderId ?? null });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Group mb="md">
        <TextInput
          aria-label={t("projects.search")}
          placeholder={t("projects.search")}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: "100%", sm: 300 }}
        />
        <Select
          aria-label={t("projects.status")}
          placeholder={t("projects.allStatuses")}
          clearable
          data={projectStatuses.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as ProjectStatus | null)}
          w={180}
        />
        {canListUsers && (
          <Select
            aria-label={t("projects.member")}
            placeholder={t("projects.allMembers")}
            clearable
            searchable
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            value={memberId}
            onChange={setMemberId}
            w={200}
          />
        )}
        {customer && <CustomerFilterChip name={customer.name} onClear={() => setCustomer(null)} />}
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("projects.empty")} description={debounced || status || memberId ? t("projects.emptySearch") : t("projects.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("projects.name")}</Table.Th>
                <Table.Th>{t("projects.customer")}</Table.Th>
                <Table.Th>{t("projects.dates")}</Table.Th>
                <Table.Th>{t("projects.time")}</Table.Th>
                <Table.Th ta="right">{t("projects.budgetAmount")}</Table.Th>
                <Table.Th>{t("projects.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id} data-testid="project-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/projects/${p.id}`}>
                      {p.name}
                    </Anchor>
                    {p.code && (
                      <Text span size="xs" c="dimmed" ml={6}>
                        {p.code}
                      </Text>
                    )}
                    {p.orderNumber && (
                      <Text size="xs" c="dimmed">
                        {t("projects.orderRef", { number: p.orderNumber })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{p.customerName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.startDate || p.endDate ? `${formatDate(p.startDate) || "…"} → ${formatDate(p.endDate) || "…"}` : "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <CompactBudgetBar spentHours={p.spentHours} budgetHours={p.budgetHours} percent={p.progressPercent} over={p.overBudget} />
                  </Table.Td>
                  <Table.Td ta="right">{p.budgetAmount === null ? "—" : formatMoney(p.budgetAmount)}</Table.Td>
                  <Table.Td>
                    <ProjectStatusBadge status={p.status} />
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
