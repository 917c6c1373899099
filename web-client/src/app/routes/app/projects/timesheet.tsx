import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { TimesheetPage } from "@/features/projects/components/timesheet-page";

export function TimesheetRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data || !hasPermission(me.data, "time-entries:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/projects" size="sm" mb="sm" display="inline-block">
        ← {t("projects.backToList")}
      </Anchor>
      <TimesheetPage meId={me.data.userId} isAdmin={me.data.role === "Admin"} canWrite={hasPermission(me.data, "time-entries:write")} />
    </>
  );
}
