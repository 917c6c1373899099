import { Alert, Button, Group, List, Modal, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconAlertTriangle, IconTruckDelivery } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type DeliveryNote, useDeliverDeliveryNote, useValidateDeliveryNote } from "../api/delivery-notes";

/** Validating numbers the note in its own series and freezes its quantities: said plainly before anything is sent. */
export function ValidateDeliveryNoteDialog({ note, onClose, onDone }: { note: DeliveryNote; onClose: () => void; onDone: (note: DeliveryNote) => void }) {
  const { t } = useTranslation();
  const validate = useValidateDeliveryNote();
  const { form, submitWith, failure } = useApiForm<{ issueDate: string | null }>({ initialValues: { issueDate: null } });
  const submit = submitWith(validate, (v) => ({ id: note.id, issueDate: v.issueDate }), onDone);
  return (
    <Modal opened onClose={onClose} title={t("deliveryNotes.validateTitle")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t("billing.validate.irreversible")} data-testid="irreversible-warning">
            <List size="sm" spacing={4}>
              <List.Item>{t("billing.validate.number")}</List.Item>
              <List.Item>{t("deliveryNotes.validateFrozen")}</List.Item>
            </List>
          </Alert>
          <DatePickerInput
            label={t("deliveryNotes.issueDate")}
            description={t("deliveryNotes.issueDateHelp")}
            valueFormat="DD/MM/YYYY"
            clearable
            maxDate={dayjs().format("YYYY-MM-DD")}
            {...form.getInputProps("issueDate")}
          />
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="green" loading={validate.isPending}>
              {t("billing.validate.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface DeliverValues {
  deliveredOn: string | null;
  receivedBy: string;
  remarks: string;
}

/** "Marquer comme livré": the day of the delivery (today by default), who received it, and what they remarked. */
export function DeliverDialog({ note, onClose, onDone }: { note: DeliveryNote; onClose: () => void; onDone: (note: DeliveryNote) => void }) {
  const { t } = useTranslation();
  const deliver = useDeliverDeliveryNote();
  const { form, submitWith, failure } = useApiForm<DeliverValues>({
    initialValues: { deliveredOn: dayjs().format("YYYY-MM-DD"), receivedBy: "", remarks: "" },
    validate: {
      deliveredOn: (v) => (v ? null : t("errors.required")),
      receivedBy: (v) => (v.trim() === "" ? t("errors.required") : null),
    },
  });
  const submit = submitWith(
    deliver,
    (v) => ({ id: note.id, body: { deliveredOn: v.deliveredOn, receivedBy: v.receivedBy.trim(), remarks: v.remarks.trim() === "" ? null : v.remarks.trim() } }),
    onDone,
  );
  return (
    <Modal opened onClose={onClose} title={t("deliveryNotes.deliverTitle", { number: note.number })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <DatePickerInput
            label={t("deliveryNotes.deliveredOn")}
            valueFormat="DD/MM/YYYY"
            required
            maxDate={dayjs().format("YYYY-MM-DD")}
            {...form.getInputProps("deliveredOn")}
          />
          <TextInput label={t("deliveryNotes.receivedBy")} required data-autofocus {...form.getInputProps("receivedBy")} />
          <Textarea label={t("deliveryNotes.deliveryRemarks")} rows={3} {...form.getInputProps("remarks")} />
          <Text size="xs" c="dimmed">
            {t("deliveryNotes.deliverHelp")}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="green" leftSection={<IconTruckDelivery size={16} />} loading={deliver.isPending}>
              {t("deliveryNotes.deliverConfirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
