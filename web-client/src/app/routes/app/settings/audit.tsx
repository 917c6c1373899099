import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { AuditEventsTable } from "@/features/audit/components/audit-events-table";

export function AuditSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, "audit:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <Paper withBorder p="lg">
      <AuditEventsTable />
    </Paper>
  );
}
