import { Button, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type Opportunity, type VersionedOpportunity, useCreateOpportunity, useUpdateOpportunity } from "../api/opportunities";

interface Values {
  customerId: string | null;
  title: string;
  expectedAmount: number | string;
  expectedCloseDate: string | null;
}

/** Creates an opportunity, or edits one (`editing` with the ETag it was read at). */
export function OpportunityFormModal({
  opened,
  onClose,
  editing,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  editing?: VersionedOpportunity;
  onSaved?: (opportunity: Opportunity) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity();
  const [customerName, setCustomerName] = useState<string | null>(editing?.value.customerName ?? null);
  const o = editing?.value;
  const { form, submitWith, failure, clearFailure } = useApiForm<Values>({
    initialValues: {
      customerId: o?.customerId ?? null,
      title: o?.title ?? "",
      expectedAmount: o?.expectedAmount ?? "",
      expectedCloseDate: o?.expectedCloseDate ?? null,
    },
    validate: {
      customerId: (v) => (v ? null : t("errors.required")),
      title: (v) => (v.trim() ? null : t("errors.required")),
    },
  });
  const mutation = editing ? update : create;

  function close() {
    form.reset();
    mutation.reset();
    clearFailure();
    onClose();
  }

  const toBody = (v: Values) => ({
    customerId: v.customerId!,
    title: v.title.trim(),
    expectedAmount: v.expectedAmount === "" ? 0 : Number(v.expectedAmount),
    expectedCloseDate: v.expectedCloseDate || null,
    ownerUserId: o?.ownerUserId ?? null,
  });
  const onSuccess = (saved: Opportunity) => {
    notifications.show({ color: "green", message: t("opportunities.saved") });
    onSaved?.(saved);
    close();
  };
  const submit = editing
    ? submitWith(update, (v) => ({ id: editing.value.id, body: toBody(v), etag: editing.etag }), onSuccess)
    : submitWith(create, (v) => ({ body: toBody(v) }), onSuccess);

  return (
    <Modal opened={opened} onClose={close} title={editing ? t("opportunities.edit") : t("opportunities.create")} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <CustomerSelect
            label={t("opportunities.customer")}
            required
            value={form.getValues().customerId}
            valueLabel={customerName}
            onChange={(id, name) => {
              form.setFieldValue("customerId", id);
              setCustomerName(name);
            }}
            error={form.errors.customerId as string | undefined}
          />
          <TextInput label={t("opportunities.titleLabel")} required {...form.getInputProps("title")} />
          <NumberInput
            label={t("opportunities.expectedAmount")}
            decimalScale={2}
            decimalSeparator=","
            thousandSeparator={"\u202f"}
            min={0}
            suffix=" €"
            {...form.getInputProps("expectedAmount")}
          />
          <DatePickerInput
            label={t("opportunities.expectedCloseDate")}
            valueFormat="DD/MM/YYYY"
            clearable
            {...form.getInputProps("expectedCloseDate")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {editing ? t("common.save") : t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
