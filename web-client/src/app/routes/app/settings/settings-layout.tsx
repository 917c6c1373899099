import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { settingsNav } from "../../../navigation";

export function SettingsLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const tabs = settingsNav.filter((s) => hasPermission(me.data, s.permission));
  const active = tabs.find((s) => location.pathname.startsWith(s.path))?.path ?? null;
  return (
    <>
      <PageHeader title={t("nav.settings")} />
      <Tabs value={active} onChange={(value) => value && void navigate(value)} mb="lg" keepMounted={false}>
        <Tabs.List aria-label={t("settings.sections")}>
          {tabs.map((s) => (
            <Tabs.Tab key={s.key} value={s.path}>
              {t(`settings.${s.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
