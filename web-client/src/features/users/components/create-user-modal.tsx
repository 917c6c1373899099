import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type UserRole, useCreateUser, userRoles } from "../api/users";

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const { form, submitWith, failure, clearFailure } = useApiForm({
    initialValues: { email: "", displayName: "", role: "Sales" as UserRole, temporaryPassword: "" },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : t("auth.emailInvalid")),
      displayName: (v) => (v.trim() ? null : t("errors.required")),
      temporaryPassword: (v) => (v.length >= 12 ? null : t("auth.passwordTooShort", { count: 12 })),
    },
  });

  function close() {
    form.reset();
    create.reset();
    clearFailure();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t("users.create")}>
      <form
        noValidate
        onSubmit={submitWith(
          create,
          (values) => ({ body: { ...values, email: values.email.trim(), displayName: values.displayName.trim() } }),
          (user) => {
            notifications.show({ color: "green", message: t("users.created", { name: user.displayName }) });
            close();
          },
        )}
      >
        <Stack>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <TextInput label={t("users.email")} type="email" required {...form.getInputProps("email")} />
          <TextInput label={t("users.displayName")} required {...form.getInputProps("displayName")} />
          <Select
            label={t("users.role")}
            data={userRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps("role")}
          />
          <PasswordInput
            label={t("users.temporaryPasswordLabel")}
            description={t("users.temporaryPasswordHelp")}
            required
            autoComplete="new-password"
            {...form.getInputProps("temporaryPassword")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
