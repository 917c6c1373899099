import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyProblemToForm } from "@/api/problem";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { useChangePassword } from "../api/login";

const minLength = 12;

export function ChangePasswordForm({ forced, onChanged }: { forced: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({
    mode: "controlled",
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
  const [unmatched, setUnmatched] = useState<string[]>([]);

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={460}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ currentPassword, newPassword }) =>
          change.mutate(
            { currentPassword, newPassword },
            { onSuccess: onChanged, onError: (e) => setUnmatched(applyProblemToForm(form, e)) },
          ),
        )}
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
          {change.error && (unmatched.length > 0 || Object.keys(form.errors).length === 0) && (
            <ProblemAlert error={change.error} extraMessages={unmatched} />
          )}
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
