import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconMailCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { applyProblemToForm } from "@/api/problem";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { useRequestPasswordReset } from "../api/password-links";

export function ForgotPasswordForm({ initialEmail = "" }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({
    mode: "controlled",
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
            onSubmit={form.onSubmit((values) =>
              request.mutate({ email: values.email.trim() }, { onError: (e) => applyProblemToForm(form, e) }),
            )}
          >
            <Stack>
              <Text size="sm" c="dimmed">
                {t("auth.forgotHelp")}
              </Text>
              {request.error && Object.keys(form.errors).length === 0 && <ProblemAlert error={request.error} />}
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
