import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { useChangePassword } from "../api/login";

const minLength = 12;

export function ChangePasswordForm({ forced, onChanged }: { forced: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const { form, submitWith, failure } = useApiForm({
    initialValues: { currentPassword: "", newPassword: "", confirmation: "" },
    validate: {
      currentPassword: (v) => (v ? null : t("errors.required")),
      newPassword: (v, values) =>
        v.length < minLength
          ? t("auth.passwordTooShort", { count: minLength })
          : v === values.currentPassword
            ? t("auth.passwordUnchanged")
            : null,
      confirmation: (v, values) => (v === values.newPassword ? null : t("auth.passwordMismatch")),
    },
  });

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={460}>
      <form
        noValidate
        onSubmit={submitWith(change, ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }), onChanged)}
      >
        <Stack>
          <Title order={2}>{t("auth.changePasswordTitle")}</Title>
          {forced && (
            <Alert color="blue" role="status">
              {t("auth.mustChangePassword")}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t("auth.passwordRules", { count: minLength })}
          </Text>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <PasswordInput label={t("auth.currentPassword")} autoComplete="current-password" required {...form.getInputProps("currentPassword")} />
          <PasswordInput label={t("auth.newPassword")} autoComplete="new-password" required {...form.getInputProps("newPassword")} />
          <PasswordInput label={t("auth.confirmPassword")} autoComplete="new-password" required {...form.getInputProps("confirmation")} />
          <Button type="submit" loading={change.isPending}>
            {t("auth.changePassword")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
