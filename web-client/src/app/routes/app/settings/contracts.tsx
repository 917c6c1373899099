import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { ContractBillingSettingsPanel } from "@/features/contracts/components/contract-billing-settings";

/** The contract billing settings: read with contracts:read, changed by an administrator (company:write). */
export function ContractSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, "contracts:read")) return <EmptyState title={t("errors.forbidden")} />;
  return <ContractBillingSettingsPanel canWrite={hasPermission(me.data, "company:write")} />;
}
