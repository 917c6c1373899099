import { Badge, Button, Code, Group, Modal, Skeleton, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconKey, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemMessage } from "@/api/problem";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { formatDateTime } from "@/lib/dates";
import { type ApiKey, type CreatedApiKey, useApiKeys, useRevokeApiKey } from "../api/api-keys";
import { scopeLabel } from "../scopes";
import { ApiKeySecretModal } from "./api-key-secret-modal";
import { CreateApiKeyModal } from "./create-api-key-modal";

export function ApiKeysTable({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const query = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = query.data?.pages.flatMap((p) => p.items) ?? [];

  const createButton = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t("apiKeys.create")}
    </Button>
  );

  return (
    <>
      <Group justify="flex-end" mb="md">
        {keys.length > 0 && createButton}
      </Group>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : keys.length === 0 ? (
        <EmptyState icon={<IconKey size={28} />} title={t("apiKeys.empty")} description={t("apiKeys.emptyHelp")} action={createButton} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("apiKeys.name")}</Table.Th>
                <Table.Th>{t("apiKeys.prefix")}</Table.Th>
                <Table.Th>{t("apiKeys.scopes")}</Table.Th>
                <Table.Th>{t("apiKeys.createdAt")}</Table.Th>
                <Table.Th>{t("apiKeys.lastUsedAt")}</Table.Th>
                <Table.Th>{t("apiKeys.status")}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td>
                    <Code>{k.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" maw={280}>
                      {k.scopes.map((scope) => scopeLabel(t, scope)).join(", ")}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
                  <Table.Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t("users.never")}</Table.Td>
                  <Table.Td>
                    <Badge color={k.revokedAt ? "gray" : "green"} variant="light">
                      {k.revokedAt ? t("apiKeys.revoked") : t("apiKeys.active")}
                    </Badge>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {!k.revokedAt && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(k)}>
                          {t("apiKeys.revoke")}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} />

      <CreateApiKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <ApiKeySecretModal created={created} onClose={() => setCreated(null)} />
      <RevokeApiKeyModal apiKey={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function RevokeApiKeyModal({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey();
  // A revoke retried after a network failure must not count twice: one key per confirmation dialog.
  return (
    <Modal opened={apiKey !== null} onClose={onClose} title={t("apiKeys.revokeTitle")}>
      <Text mb="md">{t("apiKeys.revokeConfirm", { name: apiKey?.name ?? "" })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button
          color="red"
          loading={revoke.isPending}
          onClick={() =>
            apiKey &&
            revoke.mutate(
              { id: apiKey.id },
              {
                onSuccess: () => {
                  notifications.show({ color: "green", message: t("apiKeys.revokedNotice", { name: apiKey.name }) });
                  onClose();
                },
                onError: (e) => notifications.show({ color: "red", title: t("errors.title"), message: problemMessage(e, t) }),
              },
            )
          }
        >
          {t("apiKeys.revoke")}
        </Button>
      </Group>
    </Modal>
  );
}
