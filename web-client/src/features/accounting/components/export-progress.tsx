import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";
import { exportFileUrl, useAccountingExport } from "../api/accounting";

/** Follows one export: progress bar polled from GET /accounting/exports/{id}, then the download link and the file's fingerprint. */
export function ExportProgress({ id, pollMs }: { id: string; pollMs?: number }) {
  const { t } = useTranslation();
  const query = useAccountingExport(id, pollMs);
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;
  if (!e) return null;
  const running = e.status === "Queued" || e.status === "Running";
  return (
    <Paper withBorder p="md" aria-label={t("accounting.exportProgress")} data-testid="export-progress">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {t(`accounting.formats.${e.format}`)} · {formatDate(e.from)} → {formatDate(e.to)}
          </Text>
          <Text size="sm" data-testid="export-status">
            {t(`accounting.exportStatuses.${e.status}`)}
            {running && ` — ${e.progressPercent} %`}
          </Text>
        </Group>
        <Progress
          value={e.status === "Completed" ? 100 : e.progressPercent}
          animated={running}
          striped={running}
          color={e.status === "Failed" ? "red" : e.status === "Completed" ? "green" : "blue"}
          aria-label={t("accounting.exportProgress")}
          aria-valuenow={e.progressPercent}
          role="progressbar"
        />
        {e.rowsWritten !== undefined && e.rowsWritten !== null && running && (
          <Text size="xs" c="dimmed">
            {e.rowsTotal ? t("accounting.rowsOf", { written: e.rowsWritten, total: e.rowsTotal }) : t("accounting.rows", { count: e.rowsWritten })}
          </Text>
        )}
        {e.status === "Failed" && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />}>
            {e.error ?? t("errors.unexpected")}
          </Alert>
        )}
        {e.status === "Completed" && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
              {t("accounting.fingerprint")} : <span data-testid="export-sha256">{e.sha256}</span>
              {e.entryCount !== null && ` · ${t("accounting.entries", { count: e.entryCount })}`}
            </Text>
            <Button component="a" href={exportFileUrl(e.id)} download={e.fileName ?? true} leftSection={<IconDownload size={16} />} data-testid="export-download">
              {t("accounting.download", { file: e.fileName ?? "" })}
            </Button>
          </Group>
        )}
        {e.status === "Completed" && e.fileName && (
          <Anchor size="xs" href={exportFileUrl(e.id)} download={e.fileName} c="dimmed">
            {e.fileName}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
