import { Badge, Paper } from "@mantine/core";
import { IconTools } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** A module of the roadmap whose screens are not built yet: a real page, not a crash or a blank. */
export function ModulePlaceholderRoute({ moduleKey }: { moduleKey: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${moduleKey}`)} description={t(`modules.${moduleKey}`)} />
      <Paper withBorder p="xl">
        <EmptyState
          icon={<IconTools size={28} />}
          title={t("placeholder.title")}
          description={t("placeholder.description", { module: t(`nav.${moduleKey}`) })}
          action={<Badge variant="light">{t("placeholder.badge")}</Badge>}
        />
      </Paper>
    </>
  );
}
