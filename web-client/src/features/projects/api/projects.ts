import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, useApiQuery, versioned } from "@/api/query";

/**
 * Projects and time entries (`/api/v1/projects`, `/api/v1/time-entries`, `/api/v1/timesheets`), as the API of issue 13
 * serves them (Features/Projects/ProjectContracts.cs, TimeEntryContracts.cs). Hours are decimals with 2 places, minutes
 * whole; amounts exclude VAT and are computed by the API.
 */

export type ProjectStatus = "Planned" | "InProgress" | "Done" | "Cancelled";
export const projectStatuses: ProjectStatus[] = ["Planned", "InProgress", "Done", "Cancelled"];

export interface ProjectMember {
  userId: string;
  displayName: string;
  spentHours: number;
  billableHours: number;
  uninvoicedBillableHours: number;
}

export interface ProjectTime {
  spentHours: number;
  billableHours: number;
  uninvoicedBillableHours: number;
  billableAmount: number;
  uninvoicedAmount: number;
  hoursConsumedPercent: number | null;
  amountConsumedPercent: number | null;
  /** On the hours budget when there is one, else on the amount budget; null without a budget. */
  progressPercent: number | null;
  /** Either budget exceeded. */
  overBudget: boolean;
}

export interface ProjectSummary {
  id: string;
  name: string;
  code: string | null;
  customerId: string;
  customerName: string;
  orderId: string | null;
  orderNumber: string | null;
  budgetHours: number | null;
  budgetAmount: number | null;
  startDate: string | null;
  endDate: string | null;
  status: ProjectStatus;
  memberIds: string[];
  spentHours: number;
  progressPercent: number | null;
  overBudget: boolean;
  updatedAt: string;
}

export interface Project {
  id: string;
  name: string;
  code: string | null;
  customerId: string;
  customerName: string;
  orderId: string | null;
  orderNumber: string | null;
  budgetHours: number | null;
  budgetAmount: number | null;
  hourlyRate: number;
  vatRate: number;
  startDate: string | null;
  endDate: string | null;
  status: ProjectStatus;
  members: ProjectMember[];
  time: ProjectTime;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectRequest {
  name: string;
  code?: string | null;
  customerId: string;
  budgetHours?: number | null;
  budgetAmount?: number | null;
  hourlyRate: number;
  vatRate?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  memberIds?: string[] | null;
}

/** From a validated order: every field but the order is optional and defaults from it. */
export interface ProjectFromOrderRequest {
  orderId: string;
  name?: string | null;
  code?: string | null;
  budgetHours?: number | null;
  budgetAmount?: number | null;
  hourlyRate?: number | null;
  vatRate?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  memberIds?: string[] | null;
}

export interface TimeEntry {
  id: string;
  projectId: string;
  projectName: string;
  userId: string;
  userName: string;
  date: string;
  minutes: number;
  hours: number;
  description: string | null;
  billable: boolean;
  /** The invoice the entry is on (draft or validated): the entry is then locked. */
  invoiceId: string | null;
  locked: boolean;
  updatedAt: string;
}

export interface TimeEntryRequest {
  date: string;
  minutes: number;
  description?: string | null;
  billable?: boolean | null;
  /** Whose time: omitted, the signed-in user's; an Admin may name anyone. */
  userId?: string | null;
}

export interface TimesheetCell {
  projectId: string;
  date: string;
  minutes: number;
  description?: string | null;
  billable?: boolean | null;
}

export interface InvoiceTimeRequest {
  upTo?: string | null;
  entryIds?: string[] | null;
  invoiceId?: string | null;
}

export interface InvoiceTimeResponse {
  invoiceId: string;
  newInvoice: boolean;
  entryCount: number;
  hours: number;
  amountExcludingVat: number;
  entryIds: string[];
}

interface Page<T> {
  items: T[];
  nextCursor?: string | null;
  hasMore: boolean;
}

type Result = { data?: unknown; error?: unknown; response: Response };
type Call = (path: string, init?: object) => Promise<Result>;
/** The client, before the generated schema knows these paths. */
const client = fetchClient as unknown as { GET: Call; POST: Call; PUT: Call; DELETE: Call };

const projectsPath = "/api/v1/projects";
const projectPath = "/api/v1/projects/{id}";
const entriesPath = "/api/v1/projects/{id}/time-entries";
const allEntriesPath = "/api/v1/time-entries";
const pageSize = 25;

const key = (path: string, init: object = {}, variant?: "infinite" | "versioned") => (variant ? ["get", path, init, variant] : ["get", path, init]);

/** What a change of projects or time makes stale: projects, time, and the invoices and orders time is billed on. */
const touched = new Set([
  projectsPath,
  projectPath,
  entriesPath,
  allEntriesPath,
  "/api/v1/orders",
  "/api/v1/orders/{id}",
  "/api/v1/invoices",
  "/api/v1/invoices/{id}",
  "/api/v1/dashboard",
  "/api/v1/audit-events",
]);

function useProjectsMutation<TData, TVariables>(mutationFn: (variables: TVariables) => Promise<TData>, onSuccess?: (data: TData) => void) {
  const queryClient = useQueryClient();
  return useMutation<TData, Error, TVariables>({
    mutationFn,
    onSuccess: (data) => {
      onSuccess?.(data);
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === "get" && touched.has(q.queryKey[1] as string) });
    },
  });
}

export interface ProjectFilters {
  search: string;
  status: ProjectStatus | null;
  customerId: string | null;
  orderId: string | null;
  memberId: string | null;
}

export function useProjects(filters: ProjectFilters) {
  const query = {
    limit: pageSize,
    search: filters.search || undefined,
    status: filters.status ?? undefined,
    customerId: filters.customerId ?? undefined,
    orderId: filters.orderId ?? undefined,
    memberId: filters.memberId ?? undefined,
  };
  return useInfiniteQuery({
    queryKey: key(projectsPath, { params: { query } }, "infinite"),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await client.GET(projectsPath, { params: { query: { ...query, after: pageParam } }, signal })) as Page<ProjectSummary>,
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

/** The projects of an order (at most a few): the order page links to them. */
export function useOrderProjects(orderId: string) {
  const init = { params: { query: { orderId, limit: 5 } } };
  return useQuery({
    queryKey: key(projectsPath, init),
    queryFn: async ({ signal }) => unwrap(await client.GET(projectsPath, { ...init, signal })) as Page<ProjectSummary>,
  });
}

/** The projects a user is a member of and may still record time on (the timesheet's rows). */
export function useMemberProjects(memberId: string | null) {
  const init = { params: { query: { memberId: memberId ?? undefined, limit: 100 } } };
  return useQuery({
    queryKey: key(projectsPath, init),
    queryFn: async ({ signal }) => unwrap(await client.GET(projectsPath, { ...init, signal })) as Page<ProjectSummary>,
    enabled: memberId !== null,
  });
}

export function useProject(id: string) {
  const init = { params: { path: { id } } };
  return useQuery({
    queryKey: key(projectPath, init, "versioned"),
    queryFn: async ({ signal }) => versioned(await client.GET(projectPath, { ...init, signal })) as Versioned<Project>,
  });
}

export function useCreateProject() {
  return useProjectsMutation(async ({ body }: { body: ProjectRequest }) => unwrap(await client.POST(projectsPath, { body })) as Project);
}

export function useCreateProjectFromOrder() {
  return useProjectsMutation(async ({ body }: { body: ProjectFromOrderRequest }) => unwrap(await client.POST(`${projectsPath}/from-order`, { body })) as Project);
}

export function useUpdateProject() {
  return useProjectsMutation(
    async ({ id, body, etag }: { id: string; body: ProjectRequest; etag: string | null }) =>
      versioned(await client.PUT(projectPath, { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })) as Versioned<Project>,
  );
}

export function useDeleteProject() {
  return useProjectsMutation(async (id: string) => unwrap(await client.DELETE(projectPath, { params: { path: { id } } })));
}

export type ProjectAction = "start" | "complete" | "cancel";

/** The status changes a project offers from `status`. */
export function actionsOf(status: ProjectStatus): ProjectAction[] {
  switch (status) {
    case "Planned":
      return ["start", "cancel"];
    case "InProgress":
      return ["complete", "cancel"];
    case "Done":
    case "Cancelled":
      return [];
  }
}

export function useProjectTransition() {
  return useProjectsMutation(
    async ({ id, action }: { id: string; action: ProjectAction }) => unwrap(await client.POST(`${projectPath}/${action}`, { params: { path: { id } } })) as Project,
  );
}

export interface EntryFilters {
  userId: string | null;
  from: string | null;
  to: string | null;
}

export function useProjectEntries(projectId: string, filters: EntryFilters) {
  const query = { userId: filters.userId ?? undefined, from: filters.from ?? undefined, to: filters.to ?? undefined, limit: pageSize };
  return useInfiniteQuery({
    queryKey: key(entriesPath, { params: { path: { id: projectId }, query } }, "infinite"),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await client.GET(entriesPath, { params: { path: { id: projectId }, query: { ...query, after: pageParam } }, signal })) as Page<TimeEntry>,
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    placeholderData: keepPreviousData,
  });
}

/** A user's time between two dates, across projects (the timesheet's week), every page of it. */
export function useUserEntries(userId: string | null, from: string, to: string) {
  const init = { params: { query: { userId: userId ?? undefined, from, to, limit: 100 } } };
  return useQuery({
    queryKey: key(allEntriesPath, init),
    queryFn: async ({ signal }) => {
      const items: TimeEntry[] = [];
      let after: string | undefined;
      for (;;) {
        const page = unwrap(await client.GET(allEntriesPath, { params: { query: { ...init.params.query, after } }, signal })) as Page<TimeEntry>;
        items.push(...page.items);
        if (!page.hasMore || !page.nextCursor) return { items };
        after = page.nextCursor;
      }
    },
    enabled: userId !== null,
  });
}

export function useSaveEntry() {
  return useProjectsMutation(async ({ projectId, entryId, body }: { projectId: string; entryId: string | null; body: TimeEntryRequest }) =>
    entryId
      ? (unwrap(await client.PUT(`${entriesPath}/{entryId}`, { params: { path: { id: projectId, entryId } }, body })) as TimeEntry)
      : (unwrap(await client.POST(entriesPath, { params: { path: { id: projectId } }, body })) as TimeEntry),
  );
}

export function useDeleteEntry() {
  return useProjectsMutation(async ({ projectId, entryId }: { projectId: string; entryId: string }) =>
    unwrap(await client.DELETE(`${entriesPath}/{entryId}`, { params: { path: { id: projectId, entryId } } })),
  );
}

/** Saves a user's whole week (all or nothing): each cell is a project's minutes on a day, 0 clearing it. */
export function useSaveTimesheet() {
  return useProjectsMutation(async ({ userId, weekStart, cells }: { userId: string; weekStart: string; cells: TimesheetCell[] }) =>
    unwrap(await client.PUT("/api/v1/timesheets/{userId}/{weekStart}", { params: { path: { userId, weekStart } }, body: { cells } })),
  );
}

export function useInvoiceTime() {
  return useProjectsMutation(
    async ({ projectId, body }: { projectId: string; body: InvoiceTimeRequest }) =>
      unwrap(await client.POST(`${projectPath}/invoice-time`, { params: { path: { id: projectId } }, body })) as InvoiceTimeResponse,
  );
}

/** Draft invoices of an order: time may be added to one of them instead of a new draft. */
export function useDraftInvoicesOfOrder(orderId: string | null, enabled: boolean) {
  return useApiQuery("/api/v1/invoices", { params: { query: { orderId: orderId ?? undefined, status: "Draft", limit: 20 } } }, { enabled: enabled && orderId !== null });
}

/** The company's users: an Admin records time for any of them, and picks the members of a project. */
export function useCompanyUsers(enabled: boolean) {
  return useApiQuery("/api/v1/users", { params: { query: { limit: 100 } } }, { enabled });
}
