import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { asApiError } from "@/api/problem";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import type { Me } from "../api/get-me";
import { useReauthenticate } from "../api/login";

/**
 * "Session expirée": the session ended while the user was working. Signing in again here keeps the page and
 * its forms as they are; the request that met the end of the session is then sent again.
 */
export function SessionExpiredModal({
  opened,
  email,
  onSignedIn,
  onLeave,
}: {
  opened: boolean;
  email: string;
  onSignedIn: (me: Me) => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const login = useReauthenticate();
  const { form, submitWith, failure, clearFailure } = useApiForm({
    initialValues: { email, password: "" },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t("auth.emailInvalid")),
      password: (v) => (v.length > 0 ? null : t("errors.required")),
    },
  });
  const apiError = asApiError(failure?.error);

  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t("auth.sessionExpiredTitle")}
      zIndex={1000}
    >
      <form
        noValidate
        onSubmit={submitWith(
          login,
          (values) => values,
          (me) => {
            form.setFieldValue("password", "");
            login.reset();
            clearFailure();
            onSignedIn(me);
          },
        )}
      >
        <Stack>
          <Text size="sm">{t("auth.sessionExpiredHelp")}</Text>
          {apiError?.status === 401 ? (
            <Alert color="red" icon={<IconLock size={18} />} role="alert">
              {apiError.code === "account_locked" ? t("auth.accountLocked") : t("auth.invalidCredentials")}
            </Alert>
          ) : (
            failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />
          )}
          <TextInput label={t("auth.email")} type="email" autoComplete="username" required {...form.getInputProps("email")} />
          <PasswordInput label={t("auth.password")} autoComplete="current-password" required data-autofocus {...form.getInputProps("password")} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={onLeave}>
              {t("auth.sessionExpiredLeave")}
            </Button>
            <Button type="submit" loading={login.isPending}>
              {t("auth.signIn")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
