import { Anchor, Badge, Button, Checkbox, Group, MultiSelect, Paper, SegmentedControl, Select, Skeleton, Stack, Table, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { DatePickerInput, MonthPickerInput } from "@mantine/dates";
import { IconFileExport } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate, formatDateTime } from "@/lib/dates";
import {
  type CsvLayout,
  type ExportEncoding,
  type ExportFormat,
  csvFields,
  exportFileUrl,
  exportFormats,
  useAccountingExports,
  useStartExport,
} from "../api/accounting";
import { ExportProgress } from "./export-progress";

const monthBounds = (month: string) => ({ from: dayjs(month).startOf("month").format("YYYY-MM-DD"), to: dayjs(month).endOf("month").format("YYYY-MM-DD") });

const defaultCsv: CsvLayout = {
  columns: ["JournalCode", "EntryNumber", "EntryDate", "Account", "AuxiliaryAccount", "PieceRef", "Label", "Debit", "Credit"],
  separator: ";",
  decimalMark: ",",
  dateFormat: "dd/MM/yyyy",
  header: true,
  encoding: "Utf8",
};

interface ExportValues {
  format: ExportFormat;
  month: string | null;
  from: string | null;
  to: string | null;
  fec: { separator: "Tab" | "Pipe"; encoding: ExportEncoding };
  csv: CsvLayout;
}

/** Accounting export: choose a format and a period, start it, follow its progress, download it; past exports below. */
export function ExportPage({ canWrite, pollMs }: { canWrite: boolean; pollMs?: number }) {
  const { t } = useTranslation();
  const [currentId, setCurrentId] = useState<string | null>(null);
  const start = useStartExport();
  const thisMonth = dayjs().startOf("month").format("YYYY-MM-DD");
  const { form, submitWith, failure } = useApiForm<ExportValues>({
    initialValues: { format: "Fec", month: thisMonth, ...monthBounds(thisMonth), fec: { separator: "Tab", encoding: "Iso885915" }, csv: defaultCsv },
    validate: {
      from: (v) => (v ? null : t("errors.required")),
      to: (v) => (v ? null : t("errors.required")),
    },
  });
  const values = form.getValues();
  // On a phone the four formats do not fit side by side: they are stacked.
  const phone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });

  const submit = submitWith(
    start,
    (v) => ({
      format: v.format,
      from: v.from!,
      to: v.to!,
      fec: v.format === "Fec" ? v.fec : null,
      csv: v.format === "Csv" ? v.csv : null,
    }),
    (created) => setCurrentId(created.id),
  );

  return (
    <Stack>
      {canWrite && (
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t("accounting.newExport")}
          </Title>
          <form onSubmit={submit} noValidate aria-label={t("accounting.newExport")}>
            <Stack gap="sm">
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t("accounting.format")}
                </Text>
                <SegmentedControl
                  {...form.getInputProps("format")}
                  data={exportFormats.map((f) => ({ value: f, label: t(`accounting.formats.${f}`) }))}
                  aria-label={t("accounting.format")}
                  orientation={phone ? "vertical" : "horizontal"}
                  fullWidth={phone}
                />
                <Text size="xs" c="dimmed" mt={4}>
                  {t(`accounting.formatHelp.${values.format}`)}
                </Text>
              </div>
              <Group align="flex-end">
                <MonthPickerInput
                  label={t("accounting.month")}
                  valueFormat="MMMM YYYY"
                  value={values.month}
                  onChange={(m) => {
                    form.setFieldValue("month", m);
                    if (m) {
                      const bounds = monthBounds(m);
                      form.setFieldValue("from", bounds.from);
                      form.setFieldValue("to", bounds.to);
                    }
                  }}
                  w={200}
                />
                <DatePickerInput label={t("accounting.from")} valueFormat="DD/MM/YYYY" {...form.getInputProps("from")} w={150} />
                <DatePickerInput label={t("accounting.to")} valueFormat="DD/MM/YYYY" {...form.getInputProps("to")} w={150} />
              </Group>
              {values.format === "Fec" && (
                <Group>
                  <Select
                    label={t("accounting.separator")}
                    data={[
                      { value: "Tab", label: t("accounting.separators.Tab") },
                      { value: "Pipe", label: t("accounting.separators.Pipe") },
                    ]}
                    {...form.getInputProps("fec.separator")}
                    allowDeselect={false}
                    w={180}
                  />
                  <EncodingSelect {...form.getInputProps("fec.encoding")} />
                </Group>
              )}
              {values.format === "Csv" && (
                <Stack gap="xs">
                  <MultiSelect
                    label={t("accounting.csvColumns")}
                    description={t("accounting.csvColumnsHelp")}
                    data={csvFields.map((f) => ({ value: f, label: t(`accounting.csvFields.${f}`) }))}
                    {...form.getInputProps("csv.columns")}
                    searchable
                  />
                  <Group>
                    <TextInput label={t("accounting.csvSeparator")} maxLength={1} {...form.getInputProps("csv.separator")} w={110} />
                    <Select label={t("accounting.decimalMark")} data={[",", "."]} {...form.getInputProps("csv.decimalMark")} allowDeselect={false} w={110} />
                    <TextInput label={t("accounting.dateFormat")} {...form.getInputProps("csv.dateFormat")} w={150} />
                    <EncodingSelect {...form.getInputProps("csv.encoding")} />
                    <Checkbox label={t("accounting.headerLine")} {...form.getInputProps("csv.header", { type: "checkbox" })} mt={24} />
                  </Group>
                </Stack>
              )}
              {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
              <Group justify="flex-end">
                <Button type="submit" leftSection={<IconFileExport size={16} />} loading={start.isPending}>
                  {t("accounting.startExport")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      {currentId && <ExportProgress id={currentId} pollMs={pollMs} />}
      <PastExports />
    </Stack>
  );
}

function EncodingSelect({ value, onChange, error }: { value?: ExportEncoding | null; onChange: (e: ExportEncoding) => void; error?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("accounting.encoding")}
      data={[
        { value: "Iso885915", label: "ISO-8859-15" },
        { value: "Utf8", label: "UTF-8" },
      ]}
      value={value ?? "Utf8"}
      onChange={(v) => v && onChange(v as ExportEncoding)}
      error={error}
      allowDeselect={false}
      w={150}
    />
  );
}

function PastExports() {
  const { t } = useTranslation();
  const query = useAccountingExports();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("accounting.pastExports")}
      </Title>
      {query.isPending ? (
        <Skeleton height={100} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState title={t("accounting.noExports")} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing={4} aria-label={t("accounting.pastExports")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("accounting.requestedAt")}</Table.Th>
                <Table.Th>{t("accounting.requestedBy")}</Table.Th>
                <Table.Th>{t("accounting.period")}</Table.Th>
                <Table.Th>{t("accounting.format")}</Table.Th>
                <Table.Th>{t("accounting.status")}</Table.Th>
                <Table.Th>{t("accounting.fingerprint")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.requestedAt)}</Table.Td>
                  <Table.Td>{e.requestedByName ?? "—"}</Table.Td>
                  <Table.Td>
                    {formatDate(e.from)} → {formatDate(e.to)}
                  </Table.Td>
                  <Table.Td>{t(`accounting.formats.${e.format}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={e.status === "Completed" ? "green" : e.status === "Failed" ? "red" : "blue"}>
                      {t(`accounting.exportStatuses.${e.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {e.sha256 ? (
                      <Tooltip label={e.sha256}>
                        <Text size="xs" ff="monospace">
                          {e.sha256.slice(0, 12)}…
                        </Text>
                      </Tooltip>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.status === "Completed" && (
                      <Anchor size="sm" href={exportFileUrl(e.id)} download={e.fileName ?? true}>
                        {t("accounting.downloadShort")}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

