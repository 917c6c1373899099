import { AppShell, Burger, Button, Divider, Group, NavLink, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconLogout } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { NavLink as RouterNavLink, Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { asApiError } from "@/api/problem";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useLogout } from "@/features/auth/api/login";
import { moduleNav } from "../../navigation";
import { LanguageSwitch } from "../language-switch";

/** The signed-in frame: guards the session, then shows header, module navigation and the page. */
export function AppRoot() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure();
  // Below Mantine's "sm" breakpoint (48em, phones) the header keeps the brand and the menu button only: the user, the
  // language switch and "Se déconnecter" move into the menu, which would otherwise push them off-screen.
  const phone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    if (asApiError(me.error)?.status === 401) return <Navigate to="/login" replace />;
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;

  const user = me.data;
  const items = moduleNav.filter((m) => m.permission === null || hasPermission(user, m.permission));

  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate("/login", { replace: true }) });

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }} padding={phone ? "xs" : "lg"}>
      <a href="#main-content" className="koban-skip-link">
        {t("header.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("header.menu")} aria-expanded={opened} />
            <Title order={3} c="indigo">
              Koban
            </Title>
            <Text fw={500} truncate data-testid="company-name">
              {user.companyName}
            </Text>
          </Group>
          {!phone && (
            <Group gap="md" wrap="nowrap" data-testid="header-actions">
              <Stack gap={0} align="flex-end">
                <Text size="sm" fw={500} data-testid="user-name">
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${user.role}`)}
                </Text>
              </Stack>
              <LanguageSwitch />
              <Button variant="subtle" size="xs" leftSection={<IconLogout size={16} />} loading={logout.isPending} onClick={signOut}>
                {t("header.signOut")}
              </Button>
            </Group>
          )}
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t("header.navigation")}>
        <AppShell.Section grow component={ScrollArea}>
          <nav>
            {items.map((item) => (
              <NavLink
                key={item.key}
                component={RouterNavLink}
                to={item.path}
                end={item.path === "/"}
                label={t(`nav.${item.key}`)}
                leftSection={<item.icon size={18} stroke={1.6} />}
                active={item.path === "/" ? location.pathname === "/" : location.pathname.startsWith(item.path)}
                onClick={close}
              />
            ))}
          </nav>
        </AppShell.Section>
        {phone && (
          <AppShell.Section data-testid="menu-account">
            <Divider my="xs" />
            <Group justify="space-between" wrap="nowrap" px="xs">
              <Stack gap={0} miw={0}>
                <Text size="sm" fw={500} truncate data-testid="user-name">
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${user.role}`)}
                </Text>
              </Stack>
              <LanguageSwitch />
            </Group>
            <Button mt="xs" fullWidth variant="light" leftSection={<IconLogout size={16} />} loading={logout.isPending} onClick={signOut}>
              {t("header.signOut")}
            </Button>
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)" id="main-content" tabIndex={-1} miw={0}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
