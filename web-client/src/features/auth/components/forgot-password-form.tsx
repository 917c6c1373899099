import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconMailCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { useRequestPasswordReset } from "../api/password-links";

export function ForgotPasswordForm({ initialEmail = "" }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const { form, submitWith, failure } = useApiForm({
    initialValues: { email: initialEmail },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t("auth.emailInvalid")) },
  });

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
      <Stack>
        <Title order={2}>{t("auth.forgotTitle")}</Title>
        {request.isSuccess ? (
          <Alert color="green" icon={<IconMailCheck size={18} />} role="status">
            {t("auth.forgotSent", { email: form.getValues().email.trim() })}
          </Alert>
        ) : (
          <form
            noValidate
            onSubmit={submitWith(request, (values) => ({ email: values.email.trim() }))}
          >
            <Stack>
              <Text size="sm" c="dimmed">
                {t("auth.forgotHelp")}
              </Text>
              {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
              <TextInput label={t("auth.email")} type="email" autoComplete="username" required {...form.getInputProps("email")} />
              <Button type="submit" loading={request.isPending} fullWidth>
                {t("auth.forgotSubmit")}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/login" size="sm" ta="center">
          {t("auth.backToSignIn")}
        </Anchor>
      </Stack>
    </Paper>
  );
}
