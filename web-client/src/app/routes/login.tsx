import { Alert, Center, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { LoginForm } from "@/features/auth/components/login-form";
import { LanguageSwitch } from "./language-switch";
import type { PasswordSetState } from "./password-link";

/** Only same-site paths: ?next= must not become an open redirect. */
function safeNext(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const passwordSet = useLocation().state as PasswordSetState | null;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack align="center" w="100%" maw={420} gap="lg">
        <Stack gap={0} align="center">
          <Title order={1} c="indigo">
            Koban
          </Title>
          <Text c="dimmed" size="sm">
            {t("app.tagline")}
          </Text>
        </Stack>
        {passwordSet?.notice && (
          <Alert color="green" role="status" w="100%" maw={420}>
            {t(`auth.${passwordSet.notice}`)}
          </Alert>
        )}
        <LoginForm
          initialEmail={passwordSet?.email}
          onSignedIn={(me) =>
            void navigate(me.mustChangePassword ? "/change-password" : safeNext(params.get("next")), { replace: true })
          }
        />
        <Group>
          <LanguageSwitch />
        </Group>
      </Stack>
    </Center>
  );
}
