import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { notifications } from "@mantine/notifications";
import { afterAll, afterEach, beforeAll } from "vitest";
import { resetDb } from "./data";
import { resetPaymentsDb } from "./payments-handlers";
import { resetDashboardDb } from "./dashboard-handlers";
import { resetDeliveryDb } from "./delivery-notes-handlers";
import { resetProjectsDb } from "./projects-handlers";
import { server } from "./server";

// jsdom lacks what Mantine measures with.
Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
window.HTMLElement.prototype.scrollIntoView ??= () => {};

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  // Mantine keeps notifications in a module-level store that outlives the unmounted tree.
  notifications.clean();
  notifications.cleanQueue();
  server.resetHandlers();
  resetDb();
  resetPaymentsDb();
  resetDashboardDb();
  resetDeliveryDb();
  resetProjectsDb();
  localStorage.clear();
  document.cookie.split(";").forEach((c) => {
    const name = c.split("=")[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });
});
afterAll(() => server.close());

// findBy/waitFor return as soon as their condition holds; the timeout only bounds a test that is failing anyway, so it is
// generous: a loaded two-core machine renders the big Mantine forms many times slower than a quiet one.
configure({ asyncUtilTimeout: 60_000 });
