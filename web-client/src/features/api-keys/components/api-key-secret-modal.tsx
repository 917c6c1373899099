import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { CreatedApiKey } from "../api/api-keys";

/** The secret exists only in this response: once the modal closes it is gone for good (only its hash is stored). */
export function ApiKeySecretModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={t("apiKeys.createdTitle")}
      closeOnClickOutside={false}
      size="lg"
    >
      {created && (
        <Stack>
          <Alert color="orange" role="status">
            {t("apiKeys.shownOnce")}
          </Alert>
          <Text size="sm">{t("apiKeys.createdFor", { name: created.apiKey.name })}</Text>
          <Code block data-testid="api-key-secret" style={{ wordBreak: "break-all" }}>
            {created.key}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? "teal" : "blue"}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? t("common.copied") : t("common.copy")}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t("apiKeys.savedIt")}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
