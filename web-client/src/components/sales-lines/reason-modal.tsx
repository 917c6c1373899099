import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type FormMutation, useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";

/**
 * Asks for a reason (required unless `optional`) before an action such as "Perdre", and sends it through `mutation`:
 * a refusal naming `reason` lands under the field. The form lives inside the modal, so each opening starts empty.
 */
export function ReasonModal<TData, TVariables>(props: {
  opened: boolean;
  title: string;
  label: string;
  confirm: string;
  optional?: boolean;
  mutation: FormMutation<TData, TVariables>;
  /** The request for the reason typed (trimmed). */
  toVariables: (reason: string) => TVariables;
  onClose: () => void;
  onDone: (data: TData) => void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <ReasonForm {...props} />
    </Modal>
  );
}

function ReasonForm<TData, TVariables>({
  label,
  confirm,
  optional = false,
  mutation,
  toVariables,
  onClose,
  onDone,
}: {
  label: string;
  confirm: string;
  optional?: boolean;
  mutation: FormMutation<TData, TVariables>;
  toVariables: (reason: string) => TVariables;
  onClose: () => void;
  onDone: (data: TData) => void;
}) {
  const { t } = useTranslation();
  const { form, submitWith, failure } = useApiForm<{ reason: string }>({
    initialValues: { reason: "" },
    validate: { reason: (v) => (!optional && v.trim() === "" ? t("errors.required") : null) },
  });
  const submit = submitWith(mutation, (v) => toVariables(v.reason.trim()), onDone);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Textarea label={label} required={!optional} resize="vertical" {...form.getInputProps("reason")} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color="red" loading={mutation.isPending}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
