import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { NumberingTable } from "@/features/numbering/components/numbering-table";

export function NumberingSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Paper withBorder p="lg" aria-label={t("settings.numbering")}>
      <NumberingTable canWrite={hasPermission(me.data, "company:write")} />
    </Paper>
  );
}
