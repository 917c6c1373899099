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
  revealProblem();
  return unmatched;
}

/**
 * After a refused submission the focus is on the submit button, often below the fold: once the errors are drawn,
 * the first invalid field gets the focus (and is scrolled to), else the error summary is scrolled into view.
 */
export function revealProblem() {
  if (typeof document === "undefined") return;
  const origin = document.activeElement;
  const scope: ParentNode = origin?.closest("form, [role=dialog]") ?? document;
  const reveal = () => {
    const field = scope.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = field ?? scope.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    if (field) field.focus();
  };
  // Twice: the errors are drawn by the next render, which a slow machine may not have done by the next frame.
  const later = (f: () => void) => (typeof requestAnimationFrame === "function" ? requestAnimationFrame(() => f()) : setTimeout(f, 0));
  later(() => later(reveal));
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

/** "title — detail", said once when the detail only repeats the title (or the other way round). */
export function joinDistinct(title: string | null | undefined, detail: string | null | undefined): string {
  const a = title?.trim() ?? "";
  const b = detail?.trim() ?? "";
  const norm = (v: string) => v.replace(/[.\s]+$/, "").toLowerCase();
  if (!a || !b) return a || b;
  if (norm(a) === norm(b) || norm(b).includes(norm(a))) return b;
  if (norm(a).includes(norm(b))) return a;
  return `${a} — ${b}`;
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
      return joinDistinct(error.problem.title, error.problem.detail) || t("errors.unexpected");
  }
}
