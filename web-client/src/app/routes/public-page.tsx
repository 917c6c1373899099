import { Center, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./language-switch";

/** The frame of the pages reachable without a session: sign-in, forgotten password, e-mailed links. */
export function PublicPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack align="center" w="100%" maw={460} gap="lg">
        <Stack gap={0} align="center">
          <Title order={1} c="indigo">
            Koban
          </Title>
          <Text c="dimmed" size="sm">
            {t("app.tagline")}
          </Text>
        </Stack>
        {children}
        <Group>
          <LanguageSwitch />
        </Group>
      </Stack>
    </Center>
  );
}
