import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useCompanyProfile } from "@/features/company/api/company-profile";
import { CompanyProfileForm } from "@/features/company/components/company-profile-form";

export function CompanySettingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useCompanyProfile();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Paper withBorder p="lg" aria-label={t("settings.company")}>
      <CompanyProfileForm
        initial={query.data}
        current={query.data.value}
        readOnly={!hasPermission(me.data, "company:write")}
        onReload={async () => (await query.refetch()).data}
      />
    </Paper>
  );
}
