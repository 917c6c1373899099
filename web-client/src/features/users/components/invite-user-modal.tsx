import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyProblemToForm } from "@/api/problem";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type UserRole, useInviteUser, userRoles } from "../api/users";

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", displayName: "", role: "Sales" as UserRole },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t("auth.emailInvalid")),
      displayName: (v) => (v.trim() ? null : t("errors.required")),
    },
  });

  function close() {
    form.reset();
    invite.reset();
    setUnmatched([]);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t("users.invite")}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          invite.mutate(
            { body: { ...values, email: values.email.trim(), displayName: values.displayName.trim() } },
            {
              onSuccess: (user) => {
                notifications.show({ color: "green", message: t("users.invited", { email: user.email }) });
                close();
              },
              onError: (e) => setUnmatched(applyProblemToForm(form, e)),
            },
          ),
        )}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t("users.inviteHelp")}
          </Text>
          {invite.error && (unmatched.length > 0 || Object.keys(form.errors).length === 0) && (
            <ProblemAlert error={invite.error} extraMessages={unmatched} />
          )}
          <TextInput label={t("users.email")} type="email" required {...form.getInputProps("email")} />
          <TextInput label={t("users.displayName")} required {...form.getInputProps("displayName")} />
          <Select
            label={t("users.role")}
            data={userRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps("role")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t("users.inviteSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
