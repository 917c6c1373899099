import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t("notFound.title")}
      description={t("notFound.description")}
      action={
        <Button component={Link} to="/" variant="light">
          {t("notFound.home")}
        </Button>
      }
    />
  );
}
