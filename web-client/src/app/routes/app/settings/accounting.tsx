import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { AccountingSettingsPanel } from "@/features/accounting/components/accounting-settings-form";
import { hasPermission, useMe } from "@/features/auth/api/get-me";

export function AccountingSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, "accounting:read")) return <EmptyState title={t("errors.forbidden")} />;
  return <AccountingSettingsPanel canWrite={hasPermission(me.data, "accounting:write")} />;
}
