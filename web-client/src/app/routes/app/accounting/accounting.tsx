import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ExportPage } from "@/features/accounting/components/export-page";
import { VatSummaryPanel } from "@/features/accounting/components/vat-summary";
import { hasPermission, useMe } from "@/features/auth/api/get-me";

/** Comptabilité: the export (FEC, packages, CSV) and the VAT summary; the account mapping is under Paramètres → Comptabilité. */
export function AccountingRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  if (!hasPermission(me.data, "accounting:read")) return <EmptyState title={t("errors.forbidden")} />;
  const tab = params.get("tab") ?? "export";
  return (
    <>
      <PageHeader title={t("accounting.title")} description={t("modules.accountingExport")} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== "export" ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="export">{t("accounting.exportTab")}</Tabs.Tab>
          <Tabs.Tab value="vat">{t("accounting.vatTab")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="export">
          <ExportPage canWrite={hasPermission(me.data, "accounting:write")} />
        </Tabs.Panel>
        <Tabs.Panel value="vat">
          <VatSummaryPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
