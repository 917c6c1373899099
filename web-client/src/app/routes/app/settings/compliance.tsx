import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { CompliancePanel } from "@/features/invoices/components/compliance-panel";

export function ComplianceSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, "audit:read")) return <EmptyState title={t("errors.forbidden")} />;
  return <CompliancePanel />;
}
