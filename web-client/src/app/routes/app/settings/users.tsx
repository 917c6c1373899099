import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { UsersTable } from "@/features/users/components/users-table";

export function UsersSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, "users:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <Paper withBorder p="lg">
      <UsersTable canWrite={hasPermission(me.data, "users:write")} />
    </Paper>
  );
}
