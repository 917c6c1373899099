import { Button, Paper } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { OpportunitiesTable } from "@/features/opportunities/components/opportunities-table";
import { OpportunityFormModal } from "@/features/opportunities/components/opportunity-form-modal";

export function OpportunitiesListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  if (!hasPermission(me.data, "opportunities:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader
        title={t("nav.opportunities")}
        description={t("modules.opportunities")}
        actions={
          hasPermission(me.data, "opportunities:write") && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t("opportunities.create")}
            </Button>
          )
        }
      />
      <Paper withBorder p="lg">
        <OpportunitiesTable />
      </Paper>
      {creating && (
        <OpportunityFormModal opened onClose={() => setCreating(false)} onSaved={(o) => void navigate(`/opportunities/${o.id}`)} />
      )}
    </>
  );
}
