import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconMail } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { formatDateTime } from "@/lib/dates";
import type { BillingDocumentType } from "./document-delivery";

const statusColor: Record<string, string> = { Pending: "yellow", Sending: "blue", Sent: "green", Failed: "red" };

/** The e-mails sent with a document and where each stands: queued (retried while the SMTP server refuses), sent, failed. */
export function DocumentEmailsPanel({ type, id }: { type: BillingDocumentType; id: string }) {
  const { t } = useTranslation();
  const emails = useQuery({
    queryKey: ["get", `/api/v1/${type}/{id}/emails`, id],
    queryFn: async ({ signal }) =>
      type === "invoices"
        ? unwrap(await fetchClient.GET("/api/v1/invoices/{id}/emails", { params: { path: { id } }, signal }))
        : unwrap(await fetchClient.GET("/api/v1/credit-notes/{id}/emails", { params: { path: { id } }, signal })),
    // While a mail waits for the SMTP server, keep its status fresh.
    refetchInterval: (query) => (query.state.data?.some((e) => e.status === "Pending" || e.status === "Sending") ? 5000 : false),
  });
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
