import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconMail } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/dates";
import { type DeliverableDocumentType, useDocumentEmails } from "./document-delivery";

const statusColor: Record<string, string> = { Pending: "yellow", Sending: "blue", Sent: "green", Failed: "red" };

/** The e-mails sent with a document and where each stands: queued (retried while the SMTP server refuses), sent, failed. */
export function DocumentEmailsPanel({ type, id }: { type: DeliverableDocumentType; id: string }) {
  const { t } = useTranslation();
  const emails = useDocumentEmails(type, id);
  if (!emails.data || emails.data.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("billing.emails.title")}
      </Title>
      <Stack gap={6} aria-label={t("billing.emails.title")}>
        {emails.data.map((e) => (
          <Group key={e.id} gap="xs" wrap="nowrap" data-testid="document-email">
            <IconMail size={14} />
            <Badge color={statusColor[e.status] ?? "gray"} variant="light">
              {t(`billing.emails.status.${e.status}`, { defaultValue: e.status })}
            </Badge>
            <Text size="sm">
              {e.to.join(", ")}
              {e.cc.length > 0 ? ` (cc ${e.cc.join(", ")})` : ""} — {e.subject} — {formatDateTime(e.sentAt ?? e.createdAt)}
              {e.status !== "Sent" && e.lastError ? ` — ${t("billing.emails.lastError", { error: e.lastError, attempts: e.attempts })}` : ""}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
