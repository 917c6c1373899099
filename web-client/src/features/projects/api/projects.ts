import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";
import { type Versioned, apiKey, useApiInfiniteQuery, useApiMutation, useApiQuery, useVersionedQuery, versioned } from "@/api/query";
import type { components } from "@/api/schema";

/**
 * Projects and time entries (`/api/v1/projects`, `/api/v1/time-entries`, `/api/v1/timesheets`). Hours are decimals with
 * 2 places and minutes whole numbers; every total, percentage and amount is the API's (the browser only shows them).
 */

type Schemas = components["schemas"];
export type ProjectStatus = Schemas["ProjectStatus"];
export type ProjectSummary = Schemas["ProjectSummary"];
export type Project = Schemas["ProjectResponse"];
export type ProjectTime = Schemas["ProjectTimeResponse"];
export type ProjectMember = Schemas["ProjectMemberResponse"];
export type ProjectRequest = Schemas["ProjectRequest"];
export type ProjectFromOrderRequest = Schemas["ProjectFromOrderRequest"];
export type TimeEntry = Schemas["TimeEntryResponse"];
export type TimeEntryRequest = Schemas["TimeEntryRequest"];
export type TimesheetCell = Schemas["TimesheetCell"];
export type InvoiceTimeRequest = Schemas["InvoiceTimeRequest"];
export type InvoiceTimeResponse = Schemas["InvoiceTimeResponse"];
export type VersionedProject = Versioned<Project>;

export const projectStatuses: ProjectStatus[] = ["Planned", "InProgress", "Done", "Cancelled"];

const pageSize = 25;
const projectKey = (id: string) => apiKey("/api/v1/projects/{id}", { params: { path: { id } } }, "versioned");

export interface ProjectFilters {
  search: string;
  status: ProjectStatus | null;
  customerId: string | null;
  orderId: string | null;
  memberId: string | null;
}

export function useProjects(filters: ProjectFilters) {
  return useApiInfiniteQuery("/api/v1/projects", {
    params: {
      query: {
        limit: pageSize,
        search: filters.search || undefined,
        status: filters.status ?? undefined,
        customerId: filters.customerId ?? undefined,
        orderId: filters.orderId ?? undefined,
        memberId: filters.memberId ?? undefined,
      },
    },
  });
}

/** The projects of an order (a few at most): the order page links to them. */
export function useOrderProjects(orderId: string) {
  return useApiQuery("/api/v1/projects", { params: { query: { orderId, limit: 5 } } });
}

/** The projects a user is a member of (the timesheet's rows to add). */
export function useMemberProjects(memberId: string | null) {
  return useApiQuery("/api/v1/projects", { params: { query: { memberId: memberId ?? undefined, limit: 100 } } }, { enabled: memberId !== null });
}

export function useProject(id: string) {
  return useVersionedQuery("/api/v1/projects/{id}", { params: { path: { id } } });
}

export function useCreateProject() {
  return useApiMutation("POST /api/v1/projects", async ({ body }: { body: ProjectRequest }) => unwrap(await fetchClient.POST("/api/v1/projects", { body })));
}

export function useCreateProjectFromOrder() {
  return useApiMutation("POST /api/v1/projects/from-order", async ({ body }: { body: ProjectFromOrderRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/projects/from-order", { body })),
  );
}

export function useUpdateProject() {
  const queryClient = useQueryClient();
  return useApiMutation(
    "PUT /api/v1/projects/{id}",
    async ({ id, body, etag }: { id: string; body: ProjectRequest; etag: string | null }): Promise<VersionedProject> =>
      versioned(await fetchClient.PUT("/api/v1/projects/{id}", { params: { path: { id }, header: { "If-Match": etag ?? "" } }, body })),
    { onSuccess: (saved) => void queryClient.setQueryData(projectKey(saved.value.id), saved) },
  );
}

export function useDeleteProject() {
  return useApiMutation("DELETE /api/v1/projects/{id}", async (id: string) => unwrap(await fetchClient.DELETE("/api/v1/projects/{id}", { params: { path: { id } } })));
}

export type ProjectAction = "start" | "complete" | "cancel";

/** The status changes the API accepts from `status` (Project.cs): time is entered only while planned or in progress. */
export function actionsOf(status: ProjectStatus): ProjectAction[] {
  switch (status) {
    case "Planned":
      return ["start", "complete", "cancel"];
    case "InProgress":
      return ["complete", "cancel"];
    default:
      return [];
  }
}

export function useProjectTransition() {
  return useApiMutation(
    ({ action }: { id: string; action: ProjectAction }) => `POST /api/v1/projects/{id}/${action}` as const,
    async ({ id, action }: { id: string; action: ProjectAction }) => {
      const init = { params: { path: { id } } };
      return unwrap(
        action === "start"
          ? await fetchClient.POST("/api/v1/projects/{id}/start", init)
          : action === "complete"
            ? await fetchClient.POST("/api/v1/projects/{id}/complete", init)
            : await fetchClient.POST("/api/v1/projects/{id}/cancel", init),
      );
    },
  );
}

export interface EntryFilters {
  userId: string | null;
  from: string | null;
  to: string | null;
}

export function useProjectEntries(projectId: string, filters: EntryFilters) {
  return useApiInfiniteQuery("/api/v1/projects/{id}/time-entries", {
    params: {
      path: { id: projectId },
      query: { limit: pageSize, userId: filters.userId ?? undefined, from: filters.from ?? undefined, to: filters.to ?? undefined },
    },
  });
}

/** A user's time between two dates across projects (the timesheet's week), every page of it. */
export function useUserEntries(userId: string | null, from: string, to: string) {
  const query = { userId: userId ?? undefined, from, to, limit: 100 };
  return useQuery({
    queryKey: apiKey("/api/v1/time-entries", { params: { query } }),
    queryFn: async ({ signal }) => {
      const items: TimeEntry[] = [];
      let after: string | undefined;
      for (;;) {
        const page = unwrap(await fetchClient.GET("/api/v1/time-entries", { params: { query: { ...query, after } }, signal }));
        items.push(...page.items);
        if (!page.hasMore || !page.nextCursor) return { items };
        after = page.nextCursor;
      }
    },
    enabled: userId !== null,
  });
}

/** Records time on a project (the signed-in user's, or, for an Admin, `body.userId`'s). */
export function useAddEntry() {
  return useApiMutation("POST /api/v1/projects/{id}/time-entries", async ({ projectId, body }: { projectId: string; body: TimeEntryRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/projects/{id}/time-entries", { params: { path: { id: projectId } }, body })),
  );
}

/** One entry with its ETag: the list carries no versions, and a change or a deletion sends the one read here. */
export function useEntry(projectId: string, entryId: string) {
  return useVersionedQuery("/api/v1/projects/{id}/time-entries/{entryId}", { params: { path: { id: projectId, entryId } } }, { staleTime: 0 });
}

export function useUpdateEntry() {
  return useApiMutation(
    "PUT /api/v1/projects/{id}/time-entries/{entryId}",
    async ({ projectId, entryId, etag, body }: { projectId: string; entryId: string; etag: string | null; body: TimeEntryRequest }) =>
      unwrap(await fetchClient.PUT("/api/v1/projects/{id}/time-entries/{entryId}", { params: { path: { id: projectId, entryId }, header: { "If-Match": etag ?? "" } }, body })),
  );
}

/** Deletes the entry at the version read just before (the confirmation is about the entry shown, not a version). */
export function useDeleteEntry() {
  return useApiMutation("DELETE /api/v1/projects/{id}/time-entries/{entryId}", async ({ projectId, entryId }: { projectId: string; entryId: string }) => {
    const path = { id: projectId, entryId };
    const current = versioned(await fetchClient.GET("/api/v1/projects/{id}/time-entries/{entryId}", { params: { path } }));
    return unwrap(await fetchClient.DELETE("/api/v1/projects/{id}/time-entries/{entryId}", { params: { path, header: { "If-Match": current.etag ?? "" } } }));
  });
}

/** Saves a user's whole week (all or nothing): each cell is a project's minutes on a day, 0 clearing it. */
export function useSaveTimesheet() {
  return useApiMutation("PUT /api/v1/timesheets/{userId}/{weekStart}", async ({ userId, weekStart, cells }: { userId: string; weekStart: string; cells: TimesheetCell[] }) =>
    unwrap(await fetchClient.PUT("/api/v1/timesheets/{userId}/{weekStart}", { params: { path: { userId, weekStart } }, body: { cells } })),
  );
}

export function useInvoiceTime() {
  return useApiMutation("POST /api/v1/projects/{id}/invoice-time", async ({ projectId, body }: { projectId: string; body: InvoiceTimeRequest }) =>
    unwrap(await fetchClient.POST("/api/v1/projects/{id}/invoice-time", { params: { path: { id: projectId } }, body })),
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
