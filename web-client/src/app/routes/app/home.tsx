import { useTranslation } from "react-i18next";
import { PageHeader } from "@/components/ui/page-header";
import { useMe } from "@/features/auth/api/get-me";
import { DashboardView } from "@/features/dashboard/components/dashboard-view";

/** The home page is the company's dashboard: what was invoiced, what is left to invoice, what is owed and late. */
export function HomeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t("home.title", { name: me.data?.displayName ?? "" })} description={t("home.description")} />
      <DashboardView />
    </>
  );
}
