import { Button, Group, Modal, Select, Skeleton, Stack, Switch, TextInput, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type ProjectMember, type TimeEntry, useAddEntry, useEntry, useUpdateEntry } from "../api/projects";
import { formatDurationInput, parseDuration } from "../lib/duration";
import { todayIso } from "../lib/week";

interface EntryValues {
  userId: string;
  date: string | null;
  duration: string;
  description: string;
  billable: boolean;
}

interface EntryProps {
  projectId: string;
  /** Whose time a new entry is (the signed-in user). */
  userId: string;
  /** The members an Admin may pick; null: the user cannot record another's time. */
  members: ProjectMember[] | null;
  onClose: () => void;
}

/**
 * Adds or edits one time entry of a project. Everyone records their own time; an Admin (`members` given) may record
 * it for a member. The duration is typed "1,5" or "1:30"; the API refuses what a day cannot hold. An edit first reads
 * the entry with its ETag (the list carries none) and sends it back as If-Match.
 */
export function TimeEntryModal({ entry, ...props }: EntryProps & { entry: TimeEntry | null }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={props.onClose} title={entry ? t("projects.editEntry") : t("projects.addEntry")}>
      {entry ? <EditEntry {...props} entryId={entry.id} /> : <EntryForm {...props} entry={null} etag={null} />}
    </Modal>
  );
}

function EditEntry({ entryId, ...props }: EntryProps & { entryId: string }) {
  const query = useEntry(props.projectId, entryId);
  if (query.isPending) return <Skeleton height={240} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <EntryForm {...props} entry={query.data.value} etag={query.data.etag} />;
}

function EntryForm({ projectId, entry, etag, userId, members, onClose }: EntryProps & { entry: TimeEntry | null; etag: string | null }) {
  const { t } = useTranslation();
  const add = useAddEntry();
  const update = useUpdateEntry();
  const { form, submitWith, failure } = useApiForm<EntryValues>({
    mapProblem: (error) => renameProblemFields(error, (path) => (/^minutes$/i.test(path) ? "duration" : path)),
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
  const bodyOf = (v: EntryValues) => ({
    userId: members ? v.userId : null,
    date: v.date!,
    minutes: parseDuration(v.duration) ?? 0,
    description: v.description.trim() === "" ? null : v.description.trim(),
    billable: v.billable,
  });
  const submit = entry
    ? submitWith(update, (v) => ({ projectId, entryId: entry.id, etag, body: bodyOf(v) }), done)
    : submitWith(add, (v) => ({ projectId, body: bodyOf(v) }), done);

  return (
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
        <DatePickerInput label={t("projects.entryDate")} valueFormat="DD/MM/YYYY" required {...form.getInputProps("date")} />
        <TextInput label={t("projects.duration")} description={t("projects.durationHelp")} required data-autofocus {...form.getInputProps("duration")} />
        <Textarea label={t("projects.entryDescription")} minRows={2} rows={2} {...form.getInputProps("description")} />
        <Switch label={t("projects.billable")} {...form.getInputProps("billable", { type: "checkbox" })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
