import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { IconLinkOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { asApiError } from "@/api/problem";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { linkProblemCodes, type SetPasswordVariables } from "../api/password-links";

const minLength = 12;

type SetPassword = UseMutationResult<{ email: string }, Error, SetPasswordVariables>;

/**
 * Choosing a password from an e-mailed link (invitation or reset). An unusable link (unknown, expired, used) is
 * explained with what to do next; password rules are shown next to the field.
 */
export function SetPasswordForm({
  kind,
  token,
  mutation,
  onDone,
}: {
  kind: "invitation" | "reset";
  token: string;
  mutation: SetPassword;
  onDone: (email: string) => void;
}) {
  const { t } = useTranslation();
  const { form, submitWith, failure } = useApiForm({
    initialValues: { password: "", confirmation: "" },
    validate: {
      password: (v) => (v.length < minLength ? t("auth.passwordTooShort", { count: minLength }) : null),
      confirmation: (v, values) => (v === values.password ? null : t("auth.passwordMismatch")),
    },
  });
  const apiError = asApiError(mutation.error);
  const linkCode = apiError?.code && (linkProblemCodes as readonly string[]).includes(apiError.code) ? apiError.code : null;
  const unusable = !token || linkCode !== null;

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={460}>
      <Stack>
        <Title order={2}>{t(kind === "invitation" ? "auth.acceptInvitationTitle" : "auth.resetTitle")}</Title>
        {unusable ? (
          <>
            <Alert color="red" icon={<IconLinkOff size={18} />} role="alert" title={linkCode ? apiError?.problem.title : undefined}>
              {t(`auth.link.${linkCode ?? "token_invalid"}`)}{" "}
              {t(kind === "invitation" ? "auth.link.askAdmin" : "auth.link.askAgain")}
            </Alert>
            {kind === "reset" && (
              <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
                {t("auth.forgotSubmit")}
              </Anchor>
            )}
          </>
        ) : (
          <form
            noValidate
            onSubmit={submitWith(mutation, ({ password }) => ({ token, password }), (result) => onDone(result.email))}
          >
            <Stack>
              <Text size="sm" c="dimmed">
                {t(kind === "invitation" ? "auth.acceptInvitationHelp" : "auth.resetHelp")} {t("auth.passwordRules", { count: minLength })}
              </Text>
              {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
              <PasswordInput label={t("auth.newPassword")} autoComplete="new-password" required {...form.getInputProps("password")} />
              <PasswordInput label={t("auth.confirmPassword")} autoComplete="new-password" required {...form.getInputProps("confirmation")} />
              <Button type="submit" loading={mutation.isPending}>
                {t(kind === "invitation" ? "auth.acceptInvitationSubmit" : "auth.resetSubmit")}
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
