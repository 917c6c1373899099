import { ActionIcon, Button, Group, NumberInput, Paper, Skeleton, Stack, Switch, Text, TextInput, Textarea, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useApiForm, withDottedIndexes } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type ReminderSettings, useReminderSettings, useSaveReminderSettings } from "../api/reminders";

export function ReminderSettingsPanel({ canWrite }: { canWrite: boolean }) {
  const query = useReminderSettings();
  if (query.isPending) return <Skeleton height={300} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <ReminderSettingsForm key={query.data.etag ?? "x"} initial={query.data.settings} etag={query.data.etag} canWrite={canWrite} onReload={() => void query.refetch()} />
  );
}

/** Reminder levels: after how many days past the due date, and the e-mail's subject and body (placeholders such as {invoiceNumber}). */
function ReminderSettingsForm({ initial, etag, canWrite, onReload }: { initial: ReminderSettings; etag: string | null; canWrite: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const save = useSaveReminderSettings();
  const { form, submitWith, failure } = useApiForm<ReminderSettings>({ initialValues: initial, mapProblem: withDottedIndexes });
  const values = form.getValues();
  const errors = form.errors;
  const setValues = (update: (v: ReminderSettings) => ReminderSettings) => form.setValues(update(form.getValues()));
  const setLevel = (index: number, patch: Partial<ReminderSettings["levels"][number]>) =>
    setValues((v) => ({ ...v, levels: v.levels.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));

  const submit = submitWith(
    save,
    (v) => ({ body: { ...v, levels: v.levels.map((l, i) => ({ ...l, level: i + 1 })) }, etag }),
    () => notifications.show({ color: "green", message: t("reminders.settingsSaved") }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={onReload} />}
        <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack>
            <Paper withBorder p="md">
              <Group justify="space-between">
                <div>
                  <Title order={4}>{t("reminders.settingsTitle")}</Title>
                  <Text size="sm" c="dimmed">
                    {t("reminders.settingsHelp")}
                  </Text>
                </div>
                <Switch
                  label={t("reminders.enabled")}
                  checked={values.enabled}
                  onChange={(e) => {
                    const enabled = e.currentTarget.checked;
                    setValues((v) => ({ ...v, enabled }));
                  }}
                />
              </Group>
              <Text size="xs" c="dimmed" mt="xs">
                {t("reminders.placeholders")}
              </Text>
            </Paper>
            {values.levels.map((level, index) => (
              <Paper withBorder p="md" key={index} component="section" aria-label={t("reminders.levelN", { n: index + 1 })}>
                <Group align="flex-end" mb="xs">
                  <Text fw={700} w={90}>
                    {t("reminders.levelN", { n: index + 1 })}
                  </Text>
                  <TextInput
                    label={t("reminders.levelName")}
                    value={level.name}
                    onChange={(e) => setLevel(index, { name: e.currentTarget.value })}
                    error={errors[`levels.${index}.name`]}
                    w={240}
                  />
                  <NumberInput
                    label={t("reminders.daysAfterDue")}
                    value={level.daysAfterDue}
                    min={0}
                    max={365}
                    allowDecimal={false}
                    onChange={(v) => setLevel(index, { daysAfterDue: typeof v === "number" ? v : 0 })}
                    error={errors[`levels.${index}.daysAfterDue`]}
                    w={160}
                  />
                  <Tooltip label={t("reminders.removeLevel")}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("reminders.removeLevel")}
                      onClick={() => setValues((v) => ({ ...v, levels: v.levels.filter((_, i) => i !== index) }))}
                      mb={4}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                <TextInput
                  label={t("reminders.subject")}
                  value={level.subject}
                  onChange={(e) => setLevel(index, { subject: e.currentTarget.value })}
                  error={errors[`levels.${index}.subject`]}
                />
                <Textarea
                  mt="xs"
                  label={t("reminders.body")}
                  rows={6}
                  value={level.body}
                  onChange={(e) => setLevel(index, { body: e.currentTarget.value })}
                  error={errors[`levels.${index}.body`]}
                />
              </Paper>
            ))}
          </Stack>
        </fieldset>
        {canWrite && (
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              disabled={values.levels.length >= 6}
              onClick={() =>
                setValues((v) => ({
                  ...v,
                  levels: [...v.levels, { level: v.levels.length + 1, name: "", daysAfterDue: (v.levels.at(-1)?.daysAfterDue ?? 0) + 15, subject: "", body: "" }],
                }))
              }
            >
              {t("reminders.addLevel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
