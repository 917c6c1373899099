import { Anchor, Group, Select, Skeleton, Table, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { OpportunityStageBadge } from "@/components/sales-lines/status-badges";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type OpportunityStage, opportunityStages, useOpportunities } from "../api/opportunities";

export function OpportunitiesTable() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [stage, setStage] = useState<OpportunityStage | null>(null);
  const [debounced] = useDebouncedValue(search, 300);
  const query = useOpportunities(debounced.trim(), stage);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Group mb="md">
        <TextInput
          aria-label={t("opportunities.search")}
          placeholder={t("opportunities.search")}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <Select
          aria-label={t("opportunities.stage")}
          placeholder={t("opportunities.allStages")}
          clearable
          data={opportunityStages.map((s) => ({ value: s, label: t(`opportunities.stages.${s}`) }))}
          value={stage}
          onChange={(v) => setStage(v as OpportunityStage | null)}
          w={200}
        />
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("opportunities.empty")} description={debounced || stage ? t("opportunities.emptySearch") : t("opportunities.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("opportunities.titleLabel")}</Table.Th>
                <Table.Th>{t("opportunities.customer")}</Table.Th>
                <Table.Th ta="right">{t("opportunities.expectedAmount")}</Table.Th>
                <Table.Th>{t("opportunities.expectedCloseDate")}</Table.Th>
                <Table.Th>{t("opportunities.quotesCount")}</Table.Th>
                <Table.Th>{t("opportunities.stage")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/opportunities/${o.id}`}>
                      {o.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{o.customerName}</Table.Td>
                  <Table.Td ta="right">{formatMoney(o.expectedAmount)}</Table.Td>
                  <Table.Td>{formatDate(o.expectedCloseDate)}</Table.Td>
                  <Table.Td>{o.quotes.length}</Table.Td>
                  <Table.Td>
                    <OpportunityStageBadge stage={o.stage} />
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
