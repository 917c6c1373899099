import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type UserRole, useInviteUser, userRoles } from "../api/users";

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const { form, submitWith, failure, clearFailure } = useApiForm({
    initialValues: { email: "", displayName: "", role: "Sales" as UserRole },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t("auth.emailInvalid")),
      displayName: (v) => (v.trim() ? null : t("errors.required")),
    },
  });

  function close() {
    form.reset();
    invite.reset();
    clearFailure();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t("users.invite")}>
      <form
        noValidate
        onSubmit={submitWith(
          invite,
          (values) => ({ body: { ...values, email: values.email.trim(), displayName: values.displayName.trim() } }),
          (user) => {
            notifications.show({ color: "green", message: t("users.invited", { email: user.email }) });
            close();
          },
        )}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t("users.inviteHelp")}
          </Text>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
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
