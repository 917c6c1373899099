import { Button, Paper } from "@mantine/core";
import { IconCalendarTime, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { WithCustomerName } from "@/components/filters/customer-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { ProjectsTable } from "@/features/projects/components/projects-table";

export function ProjectsListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const customerId = params.get("customerId");
  if (!hasPermission(me.data, "projects:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader
        title={t("nav.projects")}
        description={t("modules.projects")}
        actions={
          <>
            {hasPermission(me.data, "time-entries:read") && (
              <Button component={Link} to="/projects/timesheet" variant="default" leftSection={<IconCalendarTime size={16} />}>
                {t("projects.timesheet")}
              </Button>
            )}
            {hasPermission(me.data, "projects:write") && (
              <Button component={Link} to="/projects/new" leftSection={<IconPlus size={16} />}>
                {t("projects.new")}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="lg">
        <WithCustomerName customerId={customerId}>
          {(name) => (
            <ProjectsTable
              key={params.toString()}
              initial={{ customerId, customerName: name, orderId: params.get("orderId") }}
              canListUsers={hasPermission(me.data, "users:read")}
            />
          )}
        </WithCustomerName>
      </Paper>
    </>
  );
}
