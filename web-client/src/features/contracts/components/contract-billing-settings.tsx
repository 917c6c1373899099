import { Button, Group, NumberInput, Paper, Radio, Skeleton, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type ContractBillingSettings, type ContractInvoicing, useContractBillingSettings, useSaveContractBillingSettings } from "../api/contracts";

export function ContractBillingSettingsPanel({ canWrite }: { canWrite: boolean }) {
  const query = useContractBillingSettings();
  if (query.isPending) return <Skeleton height={220} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <ContractBillingSettingsForm
      key={query.data.etag ?? "new"}
      initial={query.data.value}
      etag={query.data.etag}
      canWrite={canWrite}
      onReload={() => void query.refetch()}
    />
  );
}

interface Values {
  invoicing: ContractInvoicing;
  noticeReminderDays: number | string;
}

/**
 * "Factures de contrat": what the billing run makes of each period's invoice (a draft the accountant checks, or
 * validated and e-mailed at once), and how long before a notice deadline the contract's owner is reminded.
 */
function ContractBillingSettingsForm({
  initial,
  etag,
  canWrite,
  onReload,
}: {
  initial: ContractBillingSettings;
  etag: string | null;
  canWrite: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveContractBillingSettings();
  const { form, submitWith, failure } = useApiForm<Values>({
    initialValues: { invoicing: initial.invoicing, noticeReminderDays: initial.noticeReminderDays },
    validate: { noticeReminderDays: (v) => (v === "" ? t("errors.required") : null) },
  });
  const submit = submitWith(
    save,
    (v) => ({ body: { invoicing: v.invoicing, noticeReminderDays: Number(v.noticeReminderDays) }, etag }),
    () => notifications.show({ color: "green", message: t("contracts.settingsSaved") }),
  );
  return (
    <form noValidate onSubmit={submit} aria-label={t("contracts.invoicingSetting")}>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={onReload} />}
        <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
          <Paper withBorder p="md">
            <Title order={4}>{t("contracts.invoicingSetting")}</Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t("contracts.invoicingSettingHelp")}
            </Text>
            <Radio.Group {...form.getInputProps("invoicing")}>
              <Stack gap="xs">
                <Radio value="Draft" label={t("contracts.invoicingModes.Draft")} description={t("contracts.invoicingModesHelp.Draft")} />
                <Radio
                  value="ValidateAndSend"
                  label={t("contracts.invoicingModes.ValidateAndSend")}
                  description={t("contracts.invoicingModesHelp.ValidateAndSend")}
                />
              </Stack>
            </Radio.Group>
            <NumberInput
              mt="md"
              w={260}
              label={t("contracts.noticeReminderDays")}
              description={t("contracts.noticeReminderDaysHelp")}
              min={0}
              max={365}
              allowDecimal={false}
              {...form.getInputProps("noticeReminderDays")}
            />
          </Paper>
        </fieldset>
        {canWrite && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
