import type { TFunction } from "i18next";

/** RFC 9457 problem details as the Koban API writes them (see Infrastructure/Web/ProblemDetailsMapping.cs). */
export interface Problem {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  code?: string | null;
  errors?: Record<string, string[]> | null;
  traceId?: string | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.title ?? problem.detail ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get code(): string | null {
    return this.problem.code ?? null;
  }
}

function asProblem(body: unknown): Problem {
  if (body && typeof body === "object") return body as Problem;
  if (typeof body === "string" && body.length > 0) return { title: body };
  return {};
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get("Retry-After");
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function toApiError(response: Response, body: unknown): ApiError {
  return new ApiError(response.status, asProblem(body), retryAfter(response));
}

/** openapi-fetch result → data, or throws ApiError (so TanStack Query sees a failure). */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw toApiError(result.response, result.error);
}

/** "Address.PostalCode", "$.address.postalCode" and "address.postalCode" all name the same form field. */
export function toFieldPath(key: string): string {
  const trimmed = key.startsWith("$.") ? key.slice(2) : key;
  return trimmed
    .split(".")
    .map((segment) => (segment.length === 0 ? segment : segment[0]!.toLowerCase() + segment.slice(1)))
    .join(".");
}

export interface FormLike {
  setErrors(errors: Record<string, string>): void;
  getValues(): unknown;
}

function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const segment of path.split(".")) {
    if (current === null || typeof current !== "object" || !(segment in (current as object))) return false;
    current = (current as Record<string, unknown>)[segment];
  }
  return true;
}

/**
 * Puts each field error of a 400/422 problem under its form field. Returns the messages that name no
 * field of the form, so the caller can show them in an alert instead of losing them.
 */
export function applyProblemToForm(form: FormLike, error: unknown): string[] {
  const apiError = asApiError(error);
  if (!apiError?.problem.errors) return [];
  const values = form.getValues();
  const fieldErrors: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const [key, messages] of Object.entries(apiError.problem.errors)) {
    const path = toFieldPath(key);
    const message = messages.join(" ");
    if (path && hasPath(values, path)) fieldErrors[path] = message;
    else unmatched.push(message);
  }
  form.setErrors(fieldErrors);
  return unmatched;
}

/**
 * ApiError as is; a bare problem body (what openapi-react-query throws) becomes one; anything else
 * (fetch rejected: offline, DNS, CORS) gives null.
 */
export function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error && typeof error === "object" && typeof (error as Problem).status === "number") {
    const problem = error as Problem;
    return new ApiError(problem.status!, problem);
  }
  return null;
}

/** The sentence to show for a failure that is not (only) about a form field. */
export function problemMessage(failure: unknown, t: TFunction): string {
  const error = asApiError(failure);
  if (!error) return t("errors.network");
  switch (error.status) {
    case 412:
      return t("errors.stale");
    case 429:
      return error.retryAfterSeconds !== null
        ? t("errors.tooManyRequestsRetry", { count: error.retryAfterSeconds })
        : t("errors.tooManyRequests");
    case 403:
      return error.problem.title ?? t("errors.forbidden");
    default:
      if (error.status >= 500) return error.problem.title ?? t("errors.server");
      return [error.problem.title, error.problem.detail].filter(Boolean).join(" — ") || t("errors.unexpected");
  }
}
