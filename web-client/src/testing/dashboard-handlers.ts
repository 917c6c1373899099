import { HttpResponse, http } from "msw";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];

const api = (path: string) => `*/api/v1${path}`;
const empty = () => HttpResponse.json({ items: [], nextCursor: null, hasMore: false });

/** A dashboard of a company that has just started: every figure at zero. Tests replace it with `dashboardDb.value`. */
export function emptyDashboard(): Schemas["DashboardResponse"] {
  return {
    today: "2026-12-07",
    timeZone: "Europe/Paris",
    revenue: {
      currentMonth: 0,
      previousMonth: 0,
      last12Months: 0,
      months: Array.from({ length: 12 }, (_, i) => ({ month: `${i === 0 ? 2025 : 2026}-${String(i === 0 ? 12 : i).padStart(2, "0")}-01`, amountExcludingVat: 0 })),
    },
    leftToInvoice: { amountExcludingVat: 0, orders: 0 },
    overdue: { totalOutstanding: 0, count: 0, oldest: [] },
    aging: { notDue: 0, days1To30: 0, days31To60: 0, days61To90: 0, over90: 0, total: 0, disputed: 0, openInvoices: 0 },
    milestones: [],
    activity: [],
  };
}

export const dashboardDb: { value: Schemas["DashboardResponse"]; requests: URL[] } = { value: emptyDashboard(), requests: [] };

export function resetDashboardDb() {
  dashboardDb.value = emptyDashboard();
  dashboardDb.requests = [];
}

/**
 * The home page's data, and empty lists of the documents a customer's page shows (the tests of those lists install
 * their own handlers first, which take precedence). Every list request is recorded with its query.
 */
export const dashboardHandlers = [
  http.get(api("/dashboard"), () => HttpResponse.json(dashboardDb.value)),
  ...["/quotes", "/orders", "/invoices", "/credit-notes"].map((path) =>
    http.get(api(path), ({ request }) => {
      dashboardDb.requests.push(new URL(request.url));
      return empty();
    }),
  ),
];
