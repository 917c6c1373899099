import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertOctagon, IconRefresh, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { formatDateTime } from "@/lib/dates";
import { useComplianceChain } from "../api/invoices";

/** The inalterability check: the server recomputes every fingerprint of the chain and reports the first break, if any. */
export function CompliancePanel() {
  const { t } = useTranslation();
  const query = useComplianceChain(true);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const chain = query.data;
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <Title order={4}>{t("compliance.title")}</Title>
        <Button variant="default" leftSection={<IconRefresh size={16} />} loading={query.isFetching} onClick={() => void query.refetch()}>
          {t("compliance.recheck")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t("compliance.explain")}
      </Text>
      {chain.intact ? (
        <Alert color="green" icon={<IconShieldCheck size={18} />} title={t("compliance.intact")} data-testid="chain-status">
          {t("compliance.intactDetail", { documents: chain.documentsChecked, sequence: chain.lastSequence })}
        </Alert>
      ) : (
        <Alert color="red" icon={<IconAlertOctagon size={18} />} title={t("compliance.broken")} data-testid="chain-status">
          {chain.firstBreak && (
            <Stack gap={4}>
              <Text size="sm">
                {t("compliance.breakAt", {
                  sequence: chain.firstBreak.sequence,
                  document: `${t(`compliance.documentTypes.${chain.firstBreak.documentType}`, { defaultValue: chain.firstBreak.documentType })} ${chain.firstBreak.number ?? ""}`.trim(),
                })}
              </Text>
              <Text size="sm" fw={600}>
                {t(`compliance.problems.${chain.firstBreak.problem}`, { defaultValue: chain.firstBreak.problem })}
              </Text>
              <Text size="xs">{t("compliance.expected")}</Text>
              <Code block>{chain.firstBreak.expected}</Code>
              <Text size="xs">{t("compliance.found")}</Text>
              <Code block>{chain.firstBreak.found}</Code>
            </Stack>
          )}
        </Alert>
      )}
      <Stack gap={4} mt="md">
        <Text size="sm">{t("compliance.lastFingerprint")}</Text>
        <Code block data-testid="last-fingerprint">
          {chain.lastFingerprint || "—"}
        </Code>
        <Text size="xs" c="dimmed">
          {t("compliance.checkedAt", { date: formatDateTime(chain.checkedAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}
