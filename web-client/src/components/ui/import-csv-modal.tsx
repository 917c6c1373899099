import { Alert, Badge, Button, FileInput, Group, List, Modal, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { IconFileTypeCsv } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "@/components/ui/problem-alert";
import type { UseMutationResult } from "@tanstack/react-query";
import type { components } from "@/api/schema";

type ImportReport = components["schemas"]["ImportReport"];

export interface ImportVariables {
  file: File;
  dryRun: boolean;
}

const outcomeColors = { Created: "green", Updated: "blue", Refused: "red" } as const;

/** CSV import: a simulation (dryRun) first, then the real import; the report says per line what happened and why.
 * Shared by every importing feature, each passing its own mutation and texts. */
export function ImportCsvModal({
  opened,
  onClose,
  title,
  help,
  mutation,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  help: string;
  mutation: UseMutationResult<ImportReport, Error, ImportVariables>;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  function close() {
    setFile(null);
    setReport(null);
    mutation.reset();
    onClose();
  }

  function run(dryRun: boolean) {
    if (!file) return;
    mutation.mutate(
      { file, dryRun },
      {
        onSuccess: (result) => {
          setReport(result);
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={title} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {help}
        </Text>
        <FileInput
          label={t("imports.file")}
          placeholder={t("imports.filePlaceholder")}
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={16} />}
          clearable
          value={file}
          onChange={(f) => {
            setFile(f);
            setReport(null);
            mutation.reset();
          }}
        />
        {mutation.error && <ProblemAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {report && !report.dryRun ? t("common.close") : t("common.cancel")}
          </Button>
          <Button variant="light" disabled={!file} loading={mutation.isPending && mutation.variables?.dryRun} onClick={() => run(true)}>
            {t("imports.dryRun")}
          </Button>
          <Button disabled={!file} loading={mutation.isPending && !mutation.variables?.dryRun} onClick={() => run(false)}>
            {t("imports.run")}
          </Button>
        </Group>
        {report && <ImportReportTable report={report} />}
      </Stack>
    </Modal>
  );
}

function ImportReportTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="import-report">
      <Alert color={report.dryRun ? "blue" : report.refused > 0 ? "orange" : "green"} title={report.dryRun ? t("imports.dryRunDone") : t("imports.done")}>
        {t("imports.summary", { rows: report.rows, created: report.created, updated: report.updated, refused: report.refused })}
      </Alert>
      <ScrollArea.Autosize mah={360}>
        <Table striped aria-label={t("imports.report")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("imports.line")}</Table.Th>
              <Table.Th>{t("imports.outcome")}</Table.Th>
              <Table.Th>{t("imports.label")}</Table.Th>
              <Table.Th>{t("imports.errors")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.results.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>
                  <Badge color={outcomeColors[row.outcome]} variant="light">
                    {t(`imports.outcomes.${row.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td>
                  {row.errors.length > 0 && (
                    <List size="sm">
                      {row.errors.map((e) => (
                        <List.Item key={`${e.field}-${e.code}`}>
                          <Text span fw={500} size="sm">
                            {e.field}
                          </Text>{" "}
                          : {e.message}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
