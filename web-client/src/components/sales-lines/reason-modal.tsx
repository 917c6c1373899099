import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OnceButton } from "@/components/ui/once-button";
import { ProblemAlert } from "@/components/ui/problem-alert";

/** Asks for a reason (required unless `optional`) before an action such as "Perdre". */
export function ReasonModal({
  opened,
  title,
  label,
  confirm,
  optional = false,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  label: string;
  confirm: string;
  optional?: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  // The modal stays mounted between uses: each opening starts from an empty reason, not the last one sent.
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      setReason("");
      setTouched(false);
    }
  }
  const missing = !optional && reason.trim() === "";
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {error ? <ProblemAlert error={error} /> : null}
        <Textarea
          label={label}
          required={!optional}
          resize="vertical"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={touched && missing ? t("errors.required") : undefined}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <OnceButton
            color="red"
            pending={pending}
            onClick={() => {
              setTouched(true);
              if (missing) return false;
              onConfirm(reason.trim());
              return true;
            }}
          >
            {confirm}
          </OnceButton>
        </Group>
      </Stack>
    </Modal>
  );
}
