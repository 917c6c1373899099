import { HttpResponse, http } from "msw";
import type { Project, ProjectSummary, ProjectTime, TimeEntry, TimesheetCell } from "@/features/projects/api/projects";
import { allPermissions, createMe } from "./data";
import { problem } from "./handlers";

const api = (path: string) => `*/api/v1${path}`;

let sequence = 0;
const id = () => `00000000-0000-4000-a000-${String(++sequence).padStart(12, "0")}`;

export const alice = { userId: "00000000-0000-4000-a100-000000000001", displayName: "Alice Admin", spentHours: 8, billableHours: 7, uninvoicedBillableHours: 4 };
export const bruno = { userId: "00000000-0000-4000-a100-000000000002", displayName: "Bruno Martin", spentHours: 4, billableHours: 3, uninvoicedBillableHours: 2 };

/** A time summary: `spent` hours against the 40 h budget of `createProject`, the rest as the API would answer. */
export function timeOf(spentHours: number, overrides: Partial<ProjectTime> = {}): ProjectTime {
  const percent = Math.round((spentHours * 1000) / 40) / 10;
  return {
    spentHours,
    billableHours: 10,
    uninvoicedBillableHours: 6,
    billableAmount: 850,
    uninvoicedAmount: 510,
    hoursConsumedPercent: percent,
    amountConsumedPercent: 25,
    progressPercent: percent,
    overBudget: spentHours > 40,
    ...overrides,
  };
}

/** A user who records time (time entries are not in the shared permission list). */
export function createTimeUser(overrides: Parameters<typeof createMe>[0] = {}) {
  return createMe({ userId: alice.userId, displayName: alice.displayName, permissions: [...allPermissions, "time-entries:read", "time-entries:write"], ...overrides });
}

export function createProject(overrides: Partial<Project> = {}): Project {
  return {
    id: id(),
    name: "Refonte du showroom",
    code: null,
    customerId: "00000000-0000-4000-a200-000000000001",
    customerName: "Menuiserie Dupont SARL",
    orderId: null,
    orderNumber: null,
    budgetHours: 40,
    budgetAmount: 3400,
    hourlyRate: 85,
    vatRate: 20,
    startDate: "2026-11-02",
    endDate: "2026-12-31",
    status: "InProgress",
    members: [alice, bruno],
    time: timeOf(12),
    createdAt: "2026-11-02T09:00:00Z",
    updatedAt: "2026-12-01T09:00:00Z",
    ...overrides,
  };
}

export function createEntry(project: Project, overrides: Partial<TimeEntry> = {}): TimeEntry {
  return {
    id: id(),
    projectId: project.id,
    projectName: project.name,
    userId: alice.userId,
    userName: alice.displayName,
    date: "2026-12-07",
    minutes: 120,
    hours: 2,
    description: "Relevé des cotes",
    billable: true,
    invoiceId: null,
    invoiceNumber: null,
    invoiceStatus: null,
    locked: false,
    updatedAt: "2026-12-07T18:00:00Z",
    ...overrides,
  };
}

const summaryOf = (p: Project): ProjectSummary => ({
  id: p.id,
  name: p.name,
  code: p.code,
  customerId: p.customerId,
  customerName: p.customerName,
  orderId: p.orderId,
  orderNumber: p.orderNumber,
  budgetHours: p.budgetHours,
  budgetAmount: p.budgetAmount,
  startDate: p.startDate,
  endDate: p.endDate,
  status: p.status,
  memberIds: p.members.map((m) => m.userId),
  spentHours: p.time.spentHours,
  progressPercent: p.time.progressPercent,
  overBudget: p.time.overBudget,
  updatedAt: p.updatedAt,
});

export const projectsDb = {
  projects: [] as Project[],
  entries: [] as TimeEntry[],
  /** The bodies PUT /timesheets received. */
  timesheets: [] as { userId: string; weekStart: string; cells: TimesheetCell[] }[],
  /** The If-Match and body of each PUT /time-entries/{entryId}. */
  entryUpdates: [] as { ifMatch: string | null; body: Record<string, unknown> }[],
  /** Query strings GET /projects received. */
  listQueries: [] as URLSearchParams[],
};

const page = <T,>(items: T[]) => HttpResponse.json({ items, nextCursor: null, hasMore: false });

export const projectsHandlers = [
  http.get(api("/projects"), ({ request }) => {
    const url = new URL(request.url);
    projectsDb.listQueries.push(url.searchParams);
    const q = (name: string) => url.searchParams.get(name);
    return page(
      projectsDb.projects
        .filter((p) => !q("status") || p.status === q("status"))
        .filter((p) => !q("orderId") || p.orderId === q("orderId"))
        .filter((p) => !q("memberId") || p.members.some((m) => m.userId === q("memberId")))
        .filter((p) => !q("search") || p.name.toLowerCase().includes(q("search")!.toLowerCase()))
        .map(summaryOf),
    );
  }),
  http.get(api("/projects/:id"), ({ params }) => {
    const project = projectsDb.projects.find((p) => p.id === params.id);
    return project ? HttpResponse.json(project, { headers: { ETag: '"1"' } }) : problem(404, "not_found", "Ressource introuvable.");
  }),
  http.get(api("/projects/:id/time-entries"), ({ params }) => page(projectsDb.entries.filter((e) => e.projectId === params.id))),
  http.get(api("/projects/:id/time-entries/:entryId"), ({ params }) => {
    const entry = projectsDb.entries.find((e) => e.id === params.entryId);
    return entry ? HttpResponse.json(entry, { headers: { ETag: '"7"' } }) : problem(404, "not_found", "Ressource introuvable.");
  }),
  http.put(api("/projects/:id/time-entries/:entryId"), async ({ request, params }) => {
    const body = (await request.json()) as Record<string, unknown>;
    projectsDb.entryUpdates.push({ ifMatch: request.headers.get("If-Match"), body });
    const entry = projectsDb.entries.find((e) => e.id === params.entryId)!;
    const saved = { ...entry, minutes: Number(body.minutes), description: (body.description as string | null) ?? null };
    projectsDb.entries = projectsDb.entries.map((e) => (e.id === saved.id ? saved : e));
    return HttpResponse.json(saved, { headers: { ETag: '"8"' } });
  }),
  http.get(api("/time-entries"), ({ request }) => {
    const url = new URL(request.url);
    const from = url.searchParams.get("from") ?? "";
    const to = url.searchParams.get("to") ?? "9999";
    return page(projectsDb.entries.filter((e) => e.userId === url.searchParams.get("userId") && e.date >= from && e.date <= to));
  }),
  http.put(api("/timesheets/:userId/:weekStart"), async ({ request, params }) => {
    const body = (await request.json()) as { cells: TimesheetCell[] };
    projectsDb.timesheets.push({ userId: String(params.userId), weekStart: String(params.weekStart), cells: body.cells });
    return HttpResponse.json({ userId: params.userId, weekStart: params.weekStart, cells: body.cells });
  }),
];

/** Called after each test (setup.ts): every test starts with no project and no time. */
export function resetProjectsDb() {
  projectsDb.projects = [];
  projectsDb.entries = [];
  projectsDb.timesheets = [];
  projectsDb.listQueries = [];
  projectsDb.entryUpdates = [];
}
