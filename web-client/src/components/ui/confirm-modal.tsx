import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type FormMutation, useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";

/**
 * A confirmation ("Annuler le litige ?", "Passer le reste en perte ?") that sends `variables` through `mutation`: a form
 * without fields, submitted by Enter or the button, sent once, the refusal shown above the question.
 */
export function ConfirmModal<TData, TVariables>(props: {
  opened: boolean;
  title: string;
  text: string;
  /** The button's label ("Confirmer" by default). */
  confirm?: string;
  mutation: FormMutation<TData, TVariables>;
  variables: TVariables;
  onClose: () => void;
  onDone: (data: TData) => void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <ConfirmForm {...props} />
    </Modal>
  );
}

function ConfirmForm<TData, TVariables>({
  text,
  confirm,
  mutation,
  variables,
  onClose,
  onDone,
}: {
  text: string;
  confirm?: string;
  mutation: FormMutation<TData, TVariables>;
  variables: TVariables;
  onClose: () => void;
  onDone: (data: TData) => void;
}) {
  const { t } = useTranslation();
  const { submitWith, failure } = useApiForm<Record<string, never>>({ initialValues: {} });
  const submit = submitWith(mutation, () => variables, onDone);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Text size="sm">{text}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-autofocus>
            {confirm ?? t("common.confirm")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
