import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "@/api/query";
import { formatDateTime } from "@/lib/dates";

/** The note's audit trail (created, validated, delivered, sent, invoiced…), newest first; for those who may read the audit log. */
export function DeliveryNoteHistory({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const events = useApiQuery("/api/v1/audit-events", { params: { query: { entityType: "deliveryNote", entityId: noteId, limit: 50 } } });
  const items = events.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("billing.history")}
      </Title>
      <Stack gap={6} aria-label={t("billing.history")}>
        {items.map((e) => (
          <Group key={e.id} gap="xs" wrap="nowrap" data-testid="delivery-note-event">
            <IconHistory size={14} />
            <Text size="sm">
              {t(`audit.actions.${e.action}`, { defaultValue: e.action })} — {e.actorName ?? t("billing.system")}, {formatDateTime(e.occurredAt)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
