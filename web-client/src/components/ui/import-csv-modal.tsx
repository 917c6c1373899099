import { Alert, Badge, Button, FileInput, Group, List, Modal, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { IconFileTypeCsv } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
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
  const [report, setReport] = useState<ImportReport | null>(null);
  const { form, submitWith, failure, clearFailure } = useApiForm<{ file: File | null }>({
    initialValues: { file: null },
    validate: { file: (v) => (v ? null : t("errors.required")) },
  });
  const file = form.getValues().file;
  const send = (dryRun: boolean) => submitWith(mutation, (v) => ({ file: v.file!, dryRun }), (result) => setReport(result));
  const simulate = send(true);
  const run = send(false);

  function close() {
    form.reset();
    clearFailure();
    setReport(null);
    mutation.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={title} size="xl">
      {/* Enter simulates (the first submit button); "Importer" is named so the form knows which button sent it. */}
      <form noValidate onSubmit={(event) => ((event.nativeEvent as SubmitEvent).submitter?.getAttribute("name") === "run" ? run : simulate)(event)}>
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
            {...form.getInputProps("file")}
            onChange={(f) => {
              form.setFieldValue("file", f);
              form.clearErrors();
              clearFailure();
              setReport(null);
              mutation.reset();
            }}
          />
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {report && !report.dryRun ? t("common.close") : t("common.cancel")}
            </Button>
            <Button type="submit" name="simulate" variant="light" disabled={!file} loading={mutation.isPending && mutation.variables?.dryRun}>
              {t("imports.dryRun")}
            </Button>
            <Button type="submit" name="run" disabled={!file} loading={mutation.isPending && !mutation.variables?.dryRun}>
              {t("imports.run")}
            </Button>
          </Group>
          {report && <ImportReportTable report={report} />}
        </Stack>
      </form>
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
