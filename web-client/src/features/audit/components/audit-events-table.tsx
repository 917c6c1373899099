import { Code, Skeleton, Spoiler, Table, Text } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { formatDateTime } from "@/lib/dates";
import { type AuditEvent, useAuditEvents } from "../api/audit-events";

function Change({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  if (event.before == null && event.after == null) return <Text c="dimmed" size="sm">—</Text>;
  return (
    <Spoiler maxHeight={0} showLabel={t("audit.showChange")} hideLabel={t("audit.hideChange")}>
      {event.before != null && (
        <>
          <Text size="xs" fw={500}>{t("audit.before")}</Text>
          <Code block>{JSON.stringify(event.before, null, 2)}</Code>
        </>
      )}
      {event.after != null && (
        <>
          <Text size="xs" fw={500} mt={4}>{t("audit.after")}</Text>
          <Code block>{JSON.stringify(event.after, null, 2)}</Code>
        </>
      )}
    </Spoiler>
  );
}

export function AuditEventsTable() {
  const { t } = useTranslation();
  const query = useAuditEvents();
  const events = query.data?.pages.flatMap((p) => p.items) ?? [];

  if (query.isPending) return <Skeleton height={200} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (events.length === 0) return <EmptyState icon={<IconHistory size={28} />} title={t("audit.empty")} />;

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("audit.occurredAt")}</Table.Th>
              <Table.Th>{t("audit.actor")}</Table.Th>
              <Table.Th>{t("audit.action")}</Table.Th>
              <Table.Th>{t("audit.entity")}</Table.Th>
              <Table.Th>{t("audit.change")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(e.occurredAt)}</Table.Td>
                <Table.Td>{e.actorName ?? t("audit.system")}</Table.Td>
                <Table.Td>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>
                  {e.entityType}
                  {e.entityId && (
                    <Text size="xs" c="dimmed">
                      {e.entityId}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Change event={e} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} />
    </>
  );
}
