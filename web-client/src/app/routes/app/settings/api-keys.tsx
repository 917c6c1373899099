import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { ApiKeysTable } from "@/features/api-keys/components/api-keys-table";

export function ApiKeysSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, "api-keys:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <Paper withBorder p="lg">
      <Text size="sm" c="dimmed" mb="md">
        {t("apiKeys.intro")}
      </Text>
      <ApiKeysTable canWrite={hasPermission(me.data, "api-keys:write")} />
    </Paper>
  );
}
