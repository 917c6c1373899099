import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { ReminderSettingsPanel } from "@/features/reminders/components/reminder-settings-form";

export function ReminderSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, "receivables:read")) return <EmptyState title={t("errors.forbidden")} />;
  return <ReminderSettingsPanel canWrite={hasPermission(me.data, "receivables:write")} />;
}
