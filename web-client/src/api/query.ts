import {
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import { fetchClient } from "./client";
import { type MutationName, invalidatedBy } from "./invalidation";
import { unwrap } from "./problem";
import type { paths } from "./schema";

/**
 * The one data-access pattern of the SPA. Every read goes through `useApiQuery` / `useVersionedQuery` /
 * `useApiInfiniteQuery`, keyed by `apiKey` (["get", path template, init, variant?]), and every change through
 * `useApiMutation`, which refreshes what `invalidation.ts` says the change touches. The Idempotency-Key of a
 * POST and the session are handled by the client's middleware (`client.ts`), never by a feature.
 */

type Client = typeof fetchClient;
type Media = `${string}/${string}`;
export type GetPath = ClientPathsWithMethod<Client, "get">;
export type GetInit<P extends GetPath> = MaybeOptionalInit<paths[P], "get">;
export type GetData<P extends GetPath> = NonNullable<FetchResponse<paths[P]["get"], GetInit<P>, Media>["data"]>;

/** A resource with the ETag it was read at: a change sends it back as If-Match. */
export interface Versioned<T> {
  value: T;
  etag: string | null;
}

export function versioned<T>(result: { data?: T; error?: unknown; response: Response }): Versioned<T> {
  return { value: unwrap(result), etag: result.response.headers.get("ETag") };
}

/** The query key of a GET: invalidation matches on its second item, the path template. */
export function apiKey<P extends GetPath>(path: P, init?: GetInit<P> | Record<string, unknown>, variant?: "infinite" | "versioned") {
  return variant ? (["get", path, init ?? {}, variant] as const) : (["get", path, init ?? {}] as const);
}

async function get<P extends GetPath>(path: P, init: GetInit<P> | undefined, signal: AbortSignal) {
  const call = fetchClient.GET as unknown as (path: P, init: object) => Promise<FetchResponse<paths[P]["get"], GetInit<P>, Media>>;
  return call(path, { ...(init ?? {}), signal });
}

type QueryOptions<T, TSelected = T> = Omit<UseQueryOptions<T, Error, TSelected, readonly unknown[]>, "queryKey" | "queryFn">;

export function useApiQuery<P extends GetPath, TSelected = GetData<P>>(path: P, init?: GetInit<P>, options: QueryOptions<GetData<P>, TSelected> = {}) {
  return useQuery<GetData<P>, Error, TSelected, readonly unknown[]>({
    queryKey: apiKey(path, init),
    queryFn: async ({ signal }) => unwrap(await get(path, init, signal)) as GetData<P>,
    ...options,
  });
}

/** A GET whose ETag matters (the record is edited): the data is `{ value, etag }`. */
export function useVersionedQuery<P extends GetPath, TSelected = Versioned<GetData<P>>>(
  path: P,
  init?: GetInit<P>,
  options: QueryOptions<Versioned<GetData<P>>, TSelected> = {},
) {
  return useQuery<Versioned<GetData<P>>, Error, TSelected, readonly unknown[]>({
    queryKey: apiKey(path, init, "versioned"),
    queryFn: async ({ signal }) => versioned(await get(path, init, signal)) as Versioned<GetData<P>>,
    ...options,
  });
}

interface Page {
  hasMore: boolean;
  nextCursor?: string | null;
}

/** A cursor-paged list (`after` = the previous page's `nextCursor`), kept on screen while the filters change. */
export function useApiInfiniteQuery<P extends GetPath>(path: P, init: GetInit<P>, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: apiKey(path, init, "infinite"),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) => {
      const base = (init ?? {}) as { params?: { query?: Record<string, unknown> } };
      const paged = { ...base, params: { ...base.params, query: { ...base.params?.query, after: pageParam } } } as GetInit<P>;
      return unwrap(await get(path, paged, signal)) as GetData<P>;
    },
    getNextPageParam: (last: GetData<P>) => {
      const page = last as unknown as Page;
      return page.hasMore && page.nextCursor ? page.nextCursor : undefined;
    },
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** Marks stale every query of the paths a change touches; the ones on screen are read again at once. */
export function invalidateAfter(queryClient: QueryClient, mutation: MutationName) {
  const touched = new Set<string>(invalidatedBy(mutation));
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === "get" && touched.has(query.queryKey[1] as string),
  });
}

type MutationOptions<TData, TVariables> = Omit<UseMutationOptions<TData, Error, TVariables>, "mutationFn">;

/**
 * A change. `mutation` names it as in the invalidation map ("POST /api/v1/invoices/{id}/validate"); the queries it
 * touches are marked stale once it succeeded (after the caller's own `onSuccess`, which may put the answer in
 * the cache first).
 */
export function useApiMutation<TData, TVariables = void>(
  mutation: MutationName | ((variables: TVariables) => MutationName),
  mutationFn: (variables: TVariables) => Promise<TData>,
  options: MutationOptions<TData, TVariables> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<TData, Error, TVariables>({
    ...options,
    mutationFn,
    onSuccess: async (data, variables, context, mutationContext) => {
      await options.onSuccess?.(data, variables, context, mutationContext);
      void invalidateAfter(queryClient, typeof mutation === "function" ? mutation(variables) : mutation);
    },
  });
}

/** Drops empty filter values so they are not sent as `?x=`. */
export function cleanQuery(query: Record<string, string | number | boolean | undefined | null>) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "" && v !== false));
}
