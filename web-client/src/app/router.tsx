import type { RouteObject } from "react-router";
import { Navigate } from "react-router";
import { moduleNav } from "./navigation";
import { ChangePasswordRoute } from "./routes/change-password";
import { LoginRoute } from "./routes/login";
import { NotFoundRoute } from "./routes/not-found";
import { AppRoot } from "./routes/app/root";
import { HomeRoute } from "./routes/app/home";
import { ModulePlaceholderRoute } from "./routes/app/module-placeholder";
import { SettingsLayout } from "./routes/app/settings/settings-layout";
import { CompanySettingsRoute } from "./routes/app/settings/company";
import { UsersSettingsRoute } from "./routes/app/settings/users";
import { ApiKeysSettingsRoute } from "./routes/app/settings/api-keys";
import { AuditSettingsRoute } from "./routes/app/settings/audit";

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginRoute /> },
  { path: "/change-password", element: <ChangePasswordRoute /> },
  {
    path: "/",
    element: <AppRoot />,
    children: [
      { index: true, element: <HomeRoute /> },
      ...moduleNav
        .filter((m) => !m.built)
        .map((m) => ({ path: m.path.slice(1), element: <ModulePlaceholderRoute moduleKey={m.key} /> })),
      {
        path: "settings",
        element: <SettingsLayout />,
        children: [
          { index: true, element: <Navigate to="company" replace /> },
          { path: "company", element: <CompanySettingsRoute /> },
          { path: "users", element: <UsersSettingsRoute /> },
          { path: "api-keys", element: <ApiKeysSettingsRoute /> },
          { path: "audit", element: <AuditSettingsRoute /> },
        ],
      },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];
