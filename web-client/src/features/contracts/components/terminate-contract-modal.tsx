import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useTranslation } from "react-i18next";
import { ApiError, asApiError } from "@/api/problem";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";
import { type Contract, useTerminateContract } from "../api/contracts";

interface TerminateValues {
  effectiveDate: string | null;
  reason: string;
}

/**
 * A refusal about the notice period names the date: whether the server puts it under `effectiveDate` or only gives
 * its code, the message lands under the date field (where the user corrects it), not in a summary above the form.
 */
function noticeOnDate(error: unknown): unknown {
  const apiError = asApiError(error);
  if (!apiError) return error;
  const errors = { ...(apiError.problem.errors ?? {}) };
  if (apiError.code?.includes("notice") && !Object.keys(errors).some((k) => /effectiveDate/i.test(k))) {
    errors.effectiveDate = [apiError.problem.detail ?? apiError.problem.title ?? ""];
    return new ApiError(apiError.status, { ...apiError.problem, errors, detail: null }, apiError.retryAfterSeconds);
  }
  return error;
}

/**
 * The earliest date a refused termination allows, from the problem's `earliestTerminationDate` member (an ISO date), or
 * null: the dialog offers it rather than making the user read it in the message.
 */
export function earliestTerminationDate(error: unknown): string | null {
  const problem = asApiError(error)?.problem as { earliestTerminationDate?: unknown } | undefined;
  const value = problem?.earliestTerminationDate;
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** "Résilier": the date the contract ends (empty = the earliest the notice allows) and the reason, both recorded. */
export function TerminateContractModal({ contract, opened, onClose, onDone }: { contract: Contract; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("contracts.terminateTitle", { number: contract.reference })}>
      <TerminateForm contract={contract} onClose={onClose} onDone={onDone} />
    </Modal>
  );
}

function TerminateForm({ contract, onClose, onDone }: { contract: Contract; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const terminate = useTerminateContract();
  const { form, submitWith, failure } = useApiForm<TerminateValues>({
    initialValues: { effectiveDate: null, reason: "" },
    validate: { reason: (v) => (v.trim() === "" ? t("errors.required") : null) },
    mapProblem: noticeOnDate,
  });
  const submit = submitWith(terminate, (v) => ({ id: contract.id, effectiveDate: v.effectiveDate, reason: v.reason.trim() }), onDone);
  const earliest = earliestTerminationDate(terminate.error);
  return (
    <form onSubmit={submit} noValidate aria-label={t("contracts.terminate")}>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Text size="sm" c="dimmed" data-testid="notice-explain">
          {contract.noticeDeadlinePassed
            ? t("contracts.noticePassedExplain", { deadline: formatDate(contract.noticeDeadline), end: formatDate(contract.currentTermEnd) })
            : t("contracts.noticeExplain", { deadline: formatDate(contract.noticeDeadline), end: formatDate(contract.currentTermEnd) })}
        </Text>
        <DatePickerInput
          label={t("contracts.effectiveDate")}
          description={t("contracts.effectiveDateHelp")}
          valueFormat="DD/MM/YYYY"
          clearable
          {...form.getInputProps("effectiveDate")}
          data-autofocus
        />
        {earliest && earliest !== form.getValues().effectiveDate && (
          <Group gap="xs" data-testid="earliest-termination-date">
            <Text size="sm">{t("contracts.earliestTerminationDate", { date: formatDate(earliest) })}</Text>
            <Button variant="light" size="compact-sm" onClick={() => form.setFieldValue("effectiveDate", earliest)}>
              {t("contracts.useEarliestTerminationDate")}
            </Button>
          </Group>
        )}
        <Textarea label={t("contracts.terminationReason")} required resize="vertical" {...form.getInputProps("reason")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color="red" loading={terminate.isPending}>
            {t("contracts.terminate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
