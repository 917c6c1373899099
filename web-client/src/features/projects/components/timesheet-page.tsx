import { Button, Group, Select, Skeleton, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/dates";
import { useCompanyUsers, useMemberProjects, useUserEntries } from "../api/projects";
import { addDays, isIsoDate, mondayOf, todayIso } from "../lib/week";
import { TimesheetGrid } from "./timesheet-grid";

/**
 * The weekly timesheet (`/projects/timesheet?week=2026-12-07&userId=…`): the signed-in user's week, or, for an Admin,
 * any user's. The week and the user are in the address, so a week can be bookmarked and the back button works.
 */
export function TimesheetPage({ meId, isAdmin, canWrite }: { meId: string; isAdmin: boolean; canWrite: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const week = params.get("week");
  const weekStart = mondayOf(isIsoDate(week) ? week : todayIso());
  const userId = (isAdmin && params.get("userId")) || meId;
  const users = useCompanyUsers(isAdmin);
  const entries = useUserEntries(userId, weekStart, addDays(weekStart, 6));
  const projects = useMemberProjects(userId);
  const go = (patch: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...patch }));
  const thisWeek = mondayOf(todayIso());

  return (
    <>
      <PageHeader title={t("projects.timesheet")} description={t("projects.timesheetHelp")} />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <Button variant="default" leftSection={<IconChevronLeft size={16} />} onClick={() => go({ week: addDays(weekStart, -7) })}>
            {t("projects.previousWeek")}
          </Button>
          <Button variant="default" disabled={weekStart === thisWeek} onClick={() => go({ week: thisWeek })}>
            {t("projects.thisWeek")}
          </Button>
          <Button variant="default" rightSection={<IconChevronRight size={16} />} onClick={() => go({ week: addDays(weekStart, 7) })}>
            {t("projects.nextWeek")}
          </Button>
          <Text fw={500} data-testid="week-label">
            {t("projects.weekOf", { from: formatDate(weekStart), to: formatDate(addDays(weekStart, 6)) })}
          </Text>
        </Group>
        {isAdmin && (
          <Select
            aria-label={t("projects.timesheetUser")}
            data={(users.data?.items ?? []).filter((u) => u.isActive || u.id === userId).map((u) => ({ value: u.id, label: u.displayName }))}
            value={userId}
            allowDeselect={false}
            searchable
            onChange={(id) => id && go({ userId: id })}
            w={{ base: "100%", sm: 240 }}
          />
        )}
      </Group>
      {entries.isPending || projects.isPending ? (
        <Skeleton height={240} mt="sm" />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      ) : (
        <TimesheetGrid
          key={`${userId}-${weekStart}`}
          userId={userId}
          weekStart={weekStart}
          entries={entries.data.items}
          projects={projects.data.items}
          readOnly={!canWrite}
        />
      )}
    </>
  );
}
