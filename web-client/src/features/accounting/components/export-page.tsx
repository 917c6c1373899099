import { Anchor, Badge, Button, Checkbox, Group, MultiSelect, Paper, SegmentedControl, Select, Skeleton, Stack, Table, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { DatePickerInput, MonthPickerInput } from "@mantine/dates";
import { IconFileExport } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyProblemToForm } from "@/api/problem";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate, formatDateTime } from "@/lib/dates";
import {
  type CsvField,
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

/** Accounting export: choose a format and a period, start it, follow its progress, download it; past exports below. */
export function ExportPage({ canWrite, pollMs }: { canWrite: boolean; pollMs?: number }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>("Fec");
  const [month, setMonth] = useState<string | null>(dayjs().startOf("month").format("YYYY-MM-DD"));
  const [period, setPeriod] = useState(monthBounds(dayjs().format("YYYY-MM-DD")));
  const [separator, setSeparator] = useState<"Tab" | "Pipe">("Tab");
  const [encoding, setEncoding] = useState<ExportEncoding>("Iso885915");
  const [csv, setCsv] = useState<CsvLayout>(defaultCsv);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const start = useStartExport();
  // On a phone the four formats do not fit side by side: they are stacked.
  const phone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });

  function submit() {
    setErrors({});
    const body = {
      format,
      from: period.from,
      to: period.to,
      fec: format === "Fec" ? { separator, encoding } : null,
      csv: format === "Csv" ? csv : null,
    };
    start.mutate(body, {
      onSuccess: (created) => setCurrentId(created.id),
      onError: (e) => {
        const collected: Record<string, string> = {};
        applyProblemToForm({ setErrors: (x) => Object.assign(collected, x), getValues: () => body }, e);
        setErrors(collected);
      },
    });
  }

  return (
    <Stack>
      {canWrite && (
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t("accounting.newExport")}
          </Title>
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t("accounting.format")}
              </Text>
              <SegmentedControl
                value={format}
                onChange={(v) => setFormat(v as ExportFormat)}
                data={exportFormats.map((f) => ({ value: f, label: t(`accounting.formats.${f}`) }))}
                aria-label={t("accounting.format")}
                orientation={phone ? "vertical" : "horizontal"}
                fullWidth={phone}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {t(`accounting.formatHelp.${format}`)}
              </Text>
            </div>
            <Group align="flex-end">
              <MonthPickerInput
                label={t("accounting.month")}
                valueFormat="MMMM YYYY"
                value={month}
                onChange={(m) => {
                  setMonth(m);
                  if (m) setPeriod(monthBounds(m));
                }}
                w={200}
              />
              <DatePickerInput label={t("accounting.from")} valueFormat="DD/MM/YYYY" value={period.from} onChange={(v) => v && setPeriod((p) => ({ ...p, from: v }))} error={errors.from} w={150} />
              <DatePickerInput label={t("accounting.to")} valueFormat="DD/MM/YYYY" value={period.to} onChange={(v) => v && setPeriod((p) => ({ ...p, to: v }))} error={errors.to} w={150} />
            </Group>
            {format === "Fec" && (
              <Group>
                <Select
                  label={t("accounting.separator")}
                  data={[
                    { value: "Tab", label: t("accounting.separators.Tab") },
                    { value: "Pipe", label: t("accounting.separators.Pipe") },
                  ]}
                  value={separator}
                  onChange={(v) => v && setSeparator(v as "Tab" | "Pipe")}
                  allowDeselect={false}
                  w={180}
                />
                <EncodingSelect value={encoding} onChange={setEncoding} />
              </Group>
            )}
            {format === "Csv" && (
              <Stack gap="xs">
                <MultiSelect
                  label={t("accounting.csvColumns")}
                  description={t("accounting.csvColumnsHelp")}
                  data={csvFields.map((f) => ({ value: f, label: t(`accounting.csvFields.${f}`) }))}
                  value={csv.columns}
                  onChange={(columns) => setCsv((c) => ({ ...c, columns: columns as CsvField[] }))}
                  error={errors["csv.columns"]}
                  searchable
                />
                <Group>
                  <TextInput label={t("accounting.csvSeparator")} value={csv.separator} maxLength={1} onChange={(e) => setCsv((c) => ({ ...c, separator: e.currentTarget.value }))} w={110} />
                  <Select
                    label={t("accounting.decimalMark")}
                    data={[",", "."]}
                    value={csv.decimalMark}
                    onChange={(v) => v && setCsv((c) => ({ ...c, decimalMark: v }))}
                    allowDeselect={false}
                    w={110}
                  />
                  <TextInput label={t("accounting.dateFormat")} value={csv.dateFormat} onChange={(e) => setCsv((c) => ({ ...c, dateFormat: e.currentTarget.value }))} w={150} />
                  <EncodingSelect value={csv.encoding ?? "Utf8"} onChange={(encoding) => setCsv((c) => ({ ...c, encoding }))} />
                  <Checkbox label={t("accounting.headerLine")} checked={csv.header} onChange={(e) => setCsv((c) => ({ ...c, header: e.currentTarget.checked }))} mt={24} />
                </Group>
              </Stack>
            )}
            {start.error && Object.keys(errors).length === 0 ? <ProblemAlert error={start.error} /> : null}
            <Group justify="flex-end">
              <Button leftSection={<IconFileExport size={16} />} onClick={submit} loading={start.isPending}>
                {t("accounting.startExport")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {currentId && <ExportProgress id={currentId} pollMs={pollMs} />}
      <PastExports />
    </Stack>
  );
}

function EncodingSelect({ value, onChange }: { value: ExportEncoding; onChange: (e: ExportEncoding) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("accounting.encoding")}
      data={[
        { value: "Iso885915", label: "ISO-8859-15" },
        { value: "Utf8", label: "UTF-8" },
      ]}
      value={value}
      onChange={(v) => v && onChange(v as ExportEncoding)}
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

