import { Paper, Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { type ReceivableFilters, agingBuckets, noReceivableFilters } from "@/features/receivables/api/receivables";
import { AgingOverview } from "@/features/receivables/components/aging-overview";
import { OverdueTable } from "@/features/receivables/components/overdue-table";
import { ReminderHistory } from "@/features/reminders/components/reminder-history";

/** Encours clients: aging, overdue invoices and the reminders sent. */
export function ReceivablesRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "aging";
  const bucket = agingBuckets.find((b) => b === params.get("bucket")) ?? null;
  // ?tab=overdue&bucket=Days1To30 (the dashboard's aging) opens the overdue list on that bucket.
  const [filters, setFilters] = useState<ReceivableFilters>(
    bucket ? { ...noReceivableFilters, bucket, overdueOnly: bucket !== "NotDue" } : noReceivableFilters,
  );
  if (!hasPermission(me.data, "receivables:read")) return <EmptyState title={t("errors.forbidden")} />;
  const go = (value: string | null) => setParams(value && value !== "aging" ? { tab: value } : {}, { replace: true });
  return (
    <>
      <PageHeader title={t("receivables.title")} description={t("modules.receivables")} />
      <Tabs value={tab} onChange={go} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="aging">{t("receivables.agingTab")}</Tabs.Tab>
          <Tabs.Tab value="overdue">{t("receivables.overdueTab")}</Tabs.Tab>
          <Tabs.Tab value="reminders">{t("receivables.remindersTab")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="aging">
          <AgingOverview
            onBucket={(bucket) => {
              setFilters({ ...noReceivableFilters, bucket, overdueOnly: bucket !== "NotDue" });
              go("overdue");
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="overdue">
          <Paper withBorder p="lg">
            <OverdueTable filters={filters} onChange={setFilters} />
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="reminders">
          <Paper withBorder p="lg">
            <ReminderHistory />
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
