import { Anchor } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useProject } from "@/features/projects/api/projects";
import { ProjectForm } from "@/features/projects/components/project-form";
import { ProjectPage } from "@/features/projects/components/project-page";

export function ProjectDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const query = useProject(id);
  const [editing, setEditing] = useState(false);
  if (!hasPermission(me.data, "projects:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/projects" size="sm" mb="sm" display="inline-block">
        ← {t("projects.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : editing ? (
        <>
          <PageHeader title={t("projects.editTitle")} description={query.data.value.name} />
          <ProjectForm
            project={query.data.value}
            etag={query.data.etag}
            canListUsers={hasPermission(me.data, "users:read")}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </>
      ) : (
        <ProjectPage
          project={query.data.value}
          meId={me.data?.userId ?? ""}
          isAdmin={me.data?.role === "Admin"}
          canWrite={hasPermission(me.data, "projects:write")}
          canWriteTime={hasPermission(me.data, "time-entries:write")}
          canInvoice={hasPermission(me.data, "invoices:write")}
          onEdit={() => setEditing(true)}
        />
      )}
    </>
  );
}
