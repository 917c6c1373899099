import { ActionIcon, Anchor, Badge, Button, Group, Paper, Select, Skeleton, Table, Text, Title, Tooltip } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconLock, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { formatDate } from "@/lib/dates";
import { type Project, type TimeEntry, useDeleteEntry, useProjectEntries } from "../api/projects";
import { formatMinutes } from "../lib/duration";
import { TimeEntryModal } from "./time-entry-modal";

/** Why an entry cannot be changed any more, or null. */
export function lockReason(entry: TimeEntry, t: (key: string) => string): string | null {
  return entry.locked ? t("projects.lockedInvoiced") : null;
}

/** What the invoiced badge says: the invoice's number once validated, "(brouillon)" while the invoice is a draft. */
export function invoicedLabel(entry: TimeEntry, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (entry.invoiceNumber) return t("projects.invoicedOn", { number: entry.invoiceNumber });
  return entry.invoiceStatus === "Draft" ? t("projects.invoicedDraft") : t("projects.invoiced");
}

/**
 * The project's time entries, filtered by member and period. Each user adds and edits their own time; an Admin
 * anyone's. Invoiced entries are locked, and say on which invoice.
 */
export function TimeEntriesPanel({
  project,
  meId,
  isAdmin,
  canWrite,
}: {
  project: Project;
  meId: string;
  isAdmin: boolean;
  /** time-entries:write */
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [editing, setEditing] = useState<TimeEntry | "new" | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const query = useProjectEntries(project.id, { userId, from, to });
  const remove = useDeleteEntry();
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  const open = project.status !== "Cancelled" && project.status !== "Done";
  const mayEdit = (e: TimeEntry) => canWrite && open && !e.locked && (isAdmin || e.userId === meId);

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("projects.entries")}</Title>
        {canWrite && open && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
            {t("projects.addEntry")}
          </Button>
        )}
      </Group>
      <Group mb="md" gap="sm">
        <Select
          aria-label={t("projects.member")}
          placeholder={t("projects.allMembers")}
          clearable
          data={project.members.map((m) => ({ value: m.userId, label: m.displayName }))}
          value={userId}
          onChange={setUserId}
          w={200}
        />
        <DatePickerInput aria-label={t("projects.from")} placeholder={t("projects.from")} valueFormat="DD/MM/YYYY" clearable value={from} onChange={setFrom} w={150} />
        <DatePickerInput aria-label={t("projects.to")} placeholder={t("projects.to")} valueFormat="DD/MM/YYYY" clearable value={to} onChange={setTo} w={150} />
      </Group>
      {query.isPending ? (
        <Skeleton height={120} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t("projects.noEntries")} />
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table striped data-testid="time-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("projects.entryDate")}</Table.Th>
                <Table.Th>{t("projects.entryUser")}</Table.Th>
                <Table.Th ta="right">{t("projects.duration")}</Table.Th>
                <Table.Th>{t("projects.entryDescription")}</Table.Th>
                <Table.Th>{t("projects.entryState")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => {
                const locked = lockReason(e, t);
                return (
                  <Table.Tr key={e.id} data-testid="time-entry">
                    <Table.Td>{formatDate(e.date)}</Table.Td>
                    <Table.Td>{e.userName}</Table.Td>
                    <Table.Td ta="right">{formatMinutes(e.minutes)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {e.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light" color={e.billable ? "blue" : "gray"}>
                          {e.billable ? t("projects.billableBadge") : t("projects.nonBillableBadge")}
                        </Badge>
                        {e.locked && e.invoiceId && (
                          <Badge variant="light" color="teal" leftSection={<IconLock size={12} />} data-testid="invoiced-badge">
                            <Anchor component={Link} to={`/invoices/${e.invoiceId}`} size="xs" inherit>
                              {invoicedLabel(e, t)}
                            </Anchor>
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {mayEdit(e) ? (
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon variant="subtle" aria-label={t("projects.editEntryOf", { date: formatDate(e.date) })} onClick={() => setEditing(e)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={t("projects.deleteEntryOf", { date: formatDate(e.date) })} onClick={() => setDeleting(e)}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      ) : (
                        locked && (
                          <Tooltip label={locked}>
                            <IconLock size={16} aria-label={locked} data-testid="entry-locked" />
                          </Tooltip>
                        )
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} />
      {editing && (
        <TimeEntryModal
          projectId={project.id}
          entry={editing === "new" ? null : editing}
          userId={meId}
          members={isAdmin ? project.members : null}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          opened
          title={t("projects.deleteEntry")}
          text={t("projects.deleteEntryConfirm", { date: formatDate(deleting.date), duration: formatMinutes(deleting.minutes), user: deleting.userName })}
          confirm={t("common.delete")}
          mutation={remove}
          variables={{ projectId: project.id, entryId: deleting.id }}
          onClose={() => setDeleting(null)}
          onDone={() => setDeleting(null)}
        />
      )}
    </Paper>
  );
}
