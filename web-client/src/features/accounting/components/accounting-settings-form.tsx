import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useApiForm, withDottedIndexes } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { fromCents, toCents } from "@/lib/cents";
import { useAccountingSettings } from "@/components/receivables/receivables-api";
import { type AccountingSettings as Settings, useSaveAccountingSettings } from "../api/accounting";

export function AccountingSettingsPanel({ canWrite }: { canWrite: boolean }) {
  const query = useAccountingSettings();
  if (query.isPending) return <Skeleton height={400} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <AccountingSettingsForm
      key={query.data.etag ?? "x"}
      initial={query.data.value}
      etag={query.data.etag}
      canWrite={canWrite}
      onReload={() => void query.refetch()}
    />
  );
}

type AccountKey =
  | "customerAccount"
  | "customerDepositAccount"
  | "servicesRevenueAccount"
  | "goodsRevenueAccount"
  | "vatCollectedAccount"
  | "vatPendingAccount"
  | "bankFeesAccount"
  | "badDebtAccount"
  | "writeOffLossAccount"
  | "writeOffGainAccount"
  | "unidentifiedReceiptsAccount"
  | "lateInterestAccount"
  | "recoveryIndemnityAccount";

const accountKeys: AccountKey[] = [
  "customerAccount",
  "customerDepositAccount",
  "servicesRevenueAccount",
  "goodsRevenueAccount",
  "vatCollectedAccount",
  "vatPendingAccount",
  "bankFeesAccount",
  "badDebtAccount",
  "writeOffLossAccount",
  "writeOffGainAccount",
  "unidentifiedReceiptsAccount",
  "lateInterestAccount",
  "recoveryIndemnityAccount",
];

const treatments = ["Taxable", "Exempt", "Franchise", "ReverseCharge", "IntraCommunitySupply", "Export", "OutsideScope"] as const;
type Treatment = (typeof treatments)[number];

/** The settings as edited: the write-off limit as typed ("5,00"). */
type SettingsValues = Omit<Settings, "writeOffLimit"> & { writeOffLimit: string };

function AccountingSettingsForm({ initial, etag, canWrite, onReload }: { initial: Settings; etag: string | null; canWrite: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAccountingSettings();
  const { form, submitWith, failure } = useApiForm<SettingsValues>({
    initialValues: { ...initial, writeOffLimit: initial.writeOffLimit.toFixed(2).replace(".", ",") },
    validate: {
      writeOffLimit: (value) => {
        const cents = toCents(value);
        return cents === null || cents < 0 ? t("payments.invalidAmount") : null;
      },
    },
    // "BankAccounts[0].Account" → "bankAccounts.0.account"
    mapProblem: withDottedIndexes,
  });
  const v = form.getValues();
  const patch = (p: Partial<SettingsValues>) => form.setValues(p);
  const err = (path: string) => form.errors[path];
  const submit = submitWith(
    save,
    (values) => ({ body: { ...values, writeOffLimit: fromCents(toCents(values.writeOffLimit)!) }, etag }),
    () => notifications.show({ color: "green", message: t("accounting.settingsSaved") }),
  );

  const journals = (["salesJournal", "bankJournal", "miscJournal"] as const).map((k) => (
    <Group key={k} gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label={t(`accounting.${k}`)} value={v[k].code} onChange={(e) => patch({ [k]: { ...v[k], code: e.currentTarget.value } })} error={err(`${k}.code`)} w={90} />
      <TextInput
        aria-label={t("accounting.journalLabel", { journal: t(`accounting.${k}`) })}
        value={v[k].label}
        onChange={(e) => patch({ [k]: { ...v[k], label: e.currentTarget.value } })}
        error={err(`${k}.label`)}
        style={{ flex: 1 }}
      />
    </Group>
  ));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={onReload} />}
        <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack>
            <Section title={t("accounting.journals")}>
              <SimpleGrid cols={{ base: 1, md: 3 }}>{journals}</SimpleGrid>
            </Section>
            <Section title={t("accounting.accounts")}>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                {accountKeys.map((k) => (
                  <TextInput key={k} label={t(`accounting.accountKeys.${k}`)} value={v[k] ?? ""} onChange={(e) => patch({ [k]: e.currentTarget.value })} error={err(k)} />
                ))}
                <TextInput
                  label={t("accounting.writeOffLimit")}
                  description={t("accounting.writeOffLimitHelp")}
                  inputMode="decimal"
                  {...form.getInputProps("writeOffLimit")}
                  rightSection={<Text size="xs">€</Text>}
                />
              </SimpleGrid>
            </Section>
            <RowsSection
              title={t("accounting.bankAccounts")}
              addLabel={t("accounting.addBankAccount")}
              rows={v.bankAccounts}
              onChange={(bankAccounts) => patch({ bankAccounts })}
              newRow={() => ({ code: "", label: "", account: "512", iban: null })}
              columns={[
                { header: t("accounting.code"), cell: (b, set, i) => <TextInput size="xs" aria-label={t("accounting.code")} value={b.code} onChange={(e) => set({ code: e.currentTarget.value })} error={err(`bankAccounts.${i}.code`)} /> },
                { header: t("accounting.label"), cell: (b, set, i) => <TextInput size="xs" aria-label={t("accounting.label")} value={b.label} onChange={(e) => set({ label: e.currentTarget.value })} error={err(`bankAccounts.${i}.label`)} /> },
                { header: t("accounting.account"), cell: (b, set, i) => <TextInput size="xs" aria-label={t("accounting.account")} value={b.account} onChange={(e) => set({ account: e.currentTarget.value })} error={err(`bankAccounts.${i}.account`)} /> },
                { header: "IBAN", cell: (b, set, i) => <TextInput size="xs" aria-label="IBAN" value={b.iban ?? ""} onChange={(e) => set({ iban: e.currentTarget.value || null })} error={err(`bankAccounts.${i}.iban`)} /> },
              ]}
            />
            <RowsSection
              title={t("accounting.vatRules")}
              help={t("accounting.vatRulesHelp")}
              addLabel={t("accounting.addRule")}
              rows={v.vatRules}
              onChange={(vatRules) => patch({ vatRules })}
              newRow={() => ({ vatRate: 20, collectedAccount: "", pendingAccount: "" })}
              columns={[
                { header: t("accounting.vatRate"), cell: (r, set, i) => <RateSelect value={r.vatRate} onChange={(vatRate) => set({ vatRate })} error={err(`vatRules.${i}.vatRate`)} /> },
                {
                  header: t("accounting.collectedAccount"),
                  cell: (r, set, i) => <TextInput size="xs" aria-label={t("accounting.collectedAccount")} value={r.collectedAccount} onChange={(e) => set({ collectedAccount: e.currentTarget.value })} error={err(`vatRules.${i}.collectedAccount`)} />,
                },
                {
                  header: t("accounting.pendingAccount"),
                  cell: (r, set, i) => <TextInput size="xs" aria-label={t("accounting.pendingAccount")} value={r.pendingAccount} onChange={(e) => set({ pendingAccount: e.currentTarget.value })} error={err(`vatRules.${i}.pendingAccount`)} />,
                },
              ]}
            />
            <RowsSection
              title={t("accounting.revenueRules")}
              help={t("accounting.revenueRulesHelp")}
              addLabel={t("accounting.addRule")}
              rows={v.revenueRules}
              onChange={(revenueRules) => patch({ revenueRules })}
              newRow={() => ({ nature: "Service" as const, vatRate: 20, account: "" })}
              columns={[
                {
                  header: t("accounting.nature"),
                  cell: (r, set) => (
                    <Select
                      size="xs"
                      aria-label={t("accounting.nature")}
                      data={[
                        { value: "Goods", label: t("accounting.natures.Goods") },
                        { value: "Service", label: t("accounting.natures.Service") },
                      ]}
                      value={r.nature}
                      onChange={(n) => n && set({ nature: n as "Goods" | "Service" })}
                      allowDeselect={false}
                    />
                  ),
                },
                { header: t("accounting.vatRate"), cell: (r, set, i) => <RateSelect value={r.vatRate} onChange={(vatRate) => set({ vatRate })} error={err(`revenueRules.${i}.vatRate`)} /> },
                {
                  header: t("accounting.treatment"),
                  cell: (r, set) => (
                    <Select
                      size="xs"
                      aria-label={t("accounting.treatment")}
                      placeholder={t("accounting.anyTreatment")}
                      data={treatments.map((value) => ({ value, label: t(`accounting.treatments.${value}`) }))}
                      value={r.treatment ?? null}
                      onChange={(value) => set({ treatment: (value as Treatment | null) ?? null })}
                      clearable
                    />
                  ),
                },
                { header: t("accounting.account"), cell: (r, set, i) => <TextInput size="xs" aria-label={t("accounting.account")} value={r.account} onChange={(e) => set({ account: e.currentTarget.value })} error={err(`revenueRules.${i}.account`)} /> },
              ]}
            />
          </Stack>
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

function RateSelect({ value, onChange, error }: { value: number; onChange: (rate: number) => void; error?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Select
      size="xs"
      aria-label={t("accounting.vatRate")}
      data={["20", "10", "8.5", "5.5", "2.1", "0"].map((r) => ({ value: r, label: `${r.replace(".", ",")} %` }))}
      value={String(value)}
      onChange={(r) => r && onChange(Number(r))}
      error={error}
      allowDeselect={false}
      w={100}
    />
  );
}

type Column<T> = { header: string; cell: (row: T, set: (p: Partial<T>) => void, index: number) => ReactNode };

/** An editable list of rows (bank accounts, VAT accounts, revenue accounts): one table row per item, add and remove. */
function RowsSection<T>({
  title,
  help,
  addLabel,
  rows,
  onChange,
  newRow,
  columns,
}: {
  title: string;
  help?: string;
  addLabel: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  newRow: () => T;
  columns: Column<T>[];
}) {
  return (
    <Section
      title={title}
      help={help}
      action={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...rows, newRow()])}>
          {addLabel}
        </Button>
      }
    >
      <Table verticalSpacing={4} aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header}>{c.header}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => {
            const set = (p: Partial<T>) => onChange(rows.map((x, j) => (j === i ? { ...x, ...p } : x)));
            return (
              <Table.Tr key={i}>
                {columns.map((c) => (
                  <Table.Td key={c.header}>{c.cell(row, set, i)}</Table.Td>
                ))}
                <Table.Td>
                  <RemoveButton onClick={() => onChange(rows.filter((_, j) => j !== i))} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionIcon variant="subtle" color="red" aria-label={t("accounting.remove")} onClick={onClick}>
      <IconTrash size={14} />
    </ActionIcon>
  );
}

function Section({ title, help, action, children }: { title: string; help?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>{title}</Title>
          {help && (
            <Text size="xs" c="dimmed">
              {help}
            </Text>
          )}
        </div>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
