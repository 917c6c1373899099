import { Button, Group, Modal, Select, Stack, Switch, TextInput, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type ProjectMember, type TimeEntry, useAddEntry, useSaveTimesheet } from "../api/projects";
import { formatDurationInput, parseDuration } from "../lib/duration";
import { mondayOf, todayIso } from "../lib/week";

interface EntryValues {
  userId: string;
  date: string | null;
  duration: string;
  description: string;
  billable: boolean;
}

/**
 * Adds or edits one time entry of a project. Everyone records their own time; an Admin (`members` given) may record
 * it for a member. The duration is typed "1,5" or "1:30"; the API refuses what a day cannot hold. An edit keeps the
 * entry's user and day and is saved as that day's cell of the user's week (the time on this project that day).
 */
export function TimeEntryModal({
  projectId,
  entry,
  userId,
  members,
  onClose,
}: {
  projectId: string;
  /** The entry edited; null adds one. */
  entry: TimeEntry | null;
  /** Whose time a new entry is (the signed-in user). */
  userId: string;
  /** The members an Admin may pick; null: the user cannot record another's time. */
  members: ProjectMember[] | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddEntry();
  const sheet = useSaveTimesheet();
  const { form, submitWith, failure } = useApiForm<EntryValues>({
    mapProblem: (error) =>
      renameProblemFields(error, (path) => {
        const field = path.replace(/^cells\[0\]\./i, "");
        return /^minutes$/i.test(field) ? "duration" : /^(date|description|billable|userId)$/i.test(field) ? field : path;
      }),
    initialValues: {
      userId: entry?.userId ?? userId,
      date: entry?.date ?? todayIso(),
      duration: entry ? formatDurationInput(entry.minutes) : "",
      description: entry?.description ?? "",
      billable: entry?.billable ?? true,
    },
    validate: {
      date: (v) => (v ? null : t("errors.required")),
      duration: (v) => {
        const minutes = parseDuration(v);
        if (minutes === null) return t("projects.durationInvalid");
        return minutes === 0 ? t("errors.required") : null;
      },
    },
  });
  const done = () => {
    notifications.show({ color: "green", message: t("projects.entrySaved") });
    onClose();
  };
  const description = (v: EntryValues) => (v.description.trim() === "" ? null : v.description.trim());
  const submit = entry
    ? submitWith(
        sheet,
        (v) => ({
          userId: entry.userId,
          weekStart: mondayOf(entry.date),
          cells: [{ projectId, date: entry.date, minutes: parseDuration(v.duration) ?? 0, description: description(v) ?? "", billable: v.billable }],
        }),
        done,
      )
    : submitWith(
        add,
        (v) => ({
          projectId,
          body: { userId: members ? v.userId : null, date: v.date!, minutes: parseDuration(v.duration) ?? 0, description: description(v), billable: v.billable },
        }),
        done,
      );

  return (
    <Modal opened onClose={onClose} title={entry ? t("projects.editEntry") : t("projects.addEntry")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          {members && (
            <Select
              label={t("projects.entryUser")}
              data={members.map((m) => ({ value: m.userId, label: m.displayName }))}
              allowDeselect={false}
              disabled={!!entry}
              {...form.getInputProps("userId")}
            />
          )}
          <DatePickerInput label={t("projects.entryDate")} valueFormat="DD/MM/YYYY" required disabled={!!entry} {...form.getInputProps("date")} />
          <TextInput label={t("projects.duration")} description={t("projects.durationHelp")} required data-autofocus {...form.getInputProps("duration")} />
          <Textarea label={t("projects.entryDescription")} minRows={2} rows={2} {...form.getInputProps("description")} />
          <Switch label={t("projects.billable")} {...form.getInputProps("billable", { type: "checkbox" })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending || sheet.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
