import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter } from "react-router";
import { App } from "@/app/app";
import { createQueryClient } from "@/app/provider";
import { preloadAllRoutes, routes } from "@/app/router";
import type { components } from "@/api/schema";
import { createMe, db } from "./data";

// The pages are lazy routes: load them all once, when the test file starts, so no test waits on a module import.
await preloadAllRoutes();

/**
 * Renders the whole app (providers, router, real API client over MSW) at a URL. `user` signs someone in
 * beforehand; `null` leaves the session empty.
 */
export function renderApp(url: string, { user = createMe() }: { user?: components["schemas"]["MeResponse"] | null } = {}) {
  db.me = user;
  if (user) document.cookie = "XSRF-TOKEN=csrf-token-1; path=/";
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const queryClient = createQueryClient();
  const utils = render(<App router={router} queryClient={queryClient} />);
  return { ...utils, router, queryClient, user: userEvent.setup() };
}
