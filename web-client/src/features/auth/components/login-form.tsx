import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { asApiError } from "@/api/problem";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import type { Me } from "../api/get-me";
import { useLogin } from "../api/login";

export function LoginForm({ onSignedIn, initialEmail = "" }: { onSignedIn: (me: Me) => void; initialEmail?: string }) {
  const { t } = useTranslation();
  const login = useLogin();
  const { form, submitWith, failure } = useApiForm({
    initialValues: { email: initialEmail, password: "" },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t("auth.emailInvalid")),
      password: (v) => (v.length > 0 ? null : t("errors.required")),
    },
  });

  const error = failure?.error;
  const apiError = asApiError(error);
  const message =
    apiError?.status === 401
      ? apiError.code === "account_locked"
        ? t("auth.accountLocked")
        : t("auth.invalidCredentials")
      : null;

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
      <form
        onSubmit={submitWith(login, (values) => values, onSignedIn)}
        noValidate
      >
        <Stack>
          <Title order={2}>{t("auth.signInTitle")}</Title>
          {message ? (
            <Alert color="red" icon={<IconLock size={18} />} role="alert">
              {message}
            </Alert>
          ) : (
            failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />
          )}
          <TextInput label={t("auth.email")} type="email" autoComplete="username" required {...form.getInputProps("email")} />
          <PasswordInput label={t("auth.password")} autoComplete="current-password" required {...form.getInputProps("password")} />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" state={{ email: form.getValues().email.trim() }} size="sm">
              {t("auth.forgotLink")}
            </Anchor>
          </Group>
          <Button type="submit" loading={login.isPending} fullWidth>
            {t("auth.signIn")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
