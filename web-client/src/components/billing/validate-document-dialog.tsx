import { Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconAlertTriangle } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { asApiError } from "@/api/problem";
import { OnceButton } from "@/components/ui/once-button";
import { ProblemAlert } from "@/components/ui/problem-alert";

/**
 * Validating an invoice or a credit note cannot be undone: the dialog says so plainly before anything is sent.
 * The date is optional (the API takes the draft's requested date, else today).
 */
export function ValidateDocumentDialog({
  opened,
  documentLabel,
  requestedDate,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  /** "la facture" / "l'avoir", in the sentence. */
  documentLabel: "invoice" | "creditNote";
  requestedDate: string | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (issueDate: string | null) => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(requestedDate);
  const dateError = asApiError(error)?.problem.errors?.issueDate?.join(" ");
  return (
    <Modal opened={opened} onClose={onClose} title={t(`billing.validate.title.${documentLabel}`)} size="lg">
      <Stack>
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t("billing.validate.irreversible")} data-testid="irreversible-warning">
          <List size="sm" spacing={4}>
            <List.Item>{t("billing.validate.number")}</List.Item>
            <List.Item>{t("billing.validate.frozen")}</List.Item>
            <List.Item>{t(`billing.validate.correction.${documentLabel}`)}</List.Item>
          </List>
        </Alert>
        <DatePickerInput
          label={t("billing.validate.date")}
          description={t("billing.validate.dateHelp")}
          valueFormat="DD/MM/YYYY"
          clearable
          // The server refuses a document dated after today (issue_date_in_future): the picker does not offer it.
          maxDate={dayjs().format("YYYY-MM-DD")}
          value={date}
          onChange={(v) => setDate(v)}
          error={dateError}
        />
        {error && !dateError ? <ProblemAlert error={error} /> : null}
        <Text size="sm">{t("billing.validate.question")}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <OnceButton color="green" pending={pending} onClick={() => onConfirm(date)}>
            {t("billing.validate.confirm")}
          </OnceButton>
        </Group>
      </Stack>
    </Modal>
  );
}
