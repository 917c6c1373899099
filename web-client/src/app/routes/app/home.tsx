import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { moduleNav } from "../../navigation";

export function HomeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const modules = moduleNav.filter((m) => m.key !== "home" && (m.permission === null || hasPermission(me.data, m.permission)));
  return (
    <>
      <PageHeader title={t("home.title", { name: me.data?.displayName ?? "" })} description={t("home.description")} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {modules.map((m) => (
          <Card key={m.key} component={Link} to={m.path} withBorder padding="lg">
            <m.icon size={24} stroke={1.6} />
            <Title order={4} mt="sm">
              {t(`nav.${m.key}`)}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t(`modules.${m.key}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
