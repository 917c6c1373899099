import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { DocumentTemplatesSettings } from "@/features/document-templates/components/document-templates-settings";

export function DocumentTemplatesSettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Paper withBorder p="lg" aria-label={t("settings.documentTemplates")}>
      <DocumentTemplatesSettings canWrite={hasPermission(me.data, "document-templates:write")} />
    </Paper>
  );
}
