import { type UseFormInput, type UseFormReturnType, useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { ApiError, applyProblemToForm, asApiError, revealProblem } from "@/api/problem";

/** Mantine's own constraint on form values: an interface satisfies `Record<string, any>`, not `Record<string, unknown>`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FormShape = Record<string, any>;

/** What a form needs of a mutation (`useApiMutation`'s result): send the variables, hear back once. */
export interface FormMutation<TData, TVariables> {
  mutate: (variables: TVariables, callbacks: { onSuccess?: (data: TData) => void; onError?: (error: Error) => void }) => void;
  isPending: boolean;
  reset: () => void;
}

/** A refusal the form could not put entirely under its fields: shown as a summary above them. */
export interface FormFailure {
  error: unknown;
  /** Messages of the problem that name no field of the form. */
  unmatched: string[];
}

export type ApiFormOptions<Values extends FormShape> = Omit<UseFormInput<Values>, "mode"> & {
  /**
   * Renames the problem's field paths to the form's (e.g. `lines[0].x` → `lines.0.x`) before mapping them; `submitted`
   * are the values the refused request was built from (a list sent filtered is named by the index sent).
   */
  mapProblem?: (error: unknown, submitted: Values) => unknown;
};

export interface ApiForm<Values extends FormShape> {
  form: UseFormReturnType<Values>;
  /**
   * The `onSubmit` of the `<form>`: checks the values, sends them through `mutation`, and on a refusal puts each
   * field error under its field (focusing the first invalid one) and the rest in `failure`.
   */
  submitWith: <TData, TVariables>(
    mutation: FormMutation<TData, TVariables>,
    toVariables: (values: Values) => TVariables,
    onSuccess?: (data: TData, values: Values) => void,
  ) => (event?: React.FormEvent<HTMLFormElement>) => void;
  /** The last refusal when it says something the fields do not (else null): render it with `ProblemAlert`. */
  failure: FormFailure | null;
  /** Forgets the last refusal (after a reload of the record, for instance). */
  clearFailure: () => void;
  /**
   * Shows a refusal of a request the form's values were sent by outside `submitWith` (a save awaited before a preview,
   * for instance) exactly as `submitWith` does: on the fields, the first one focused, the rest in `failure`.
   */
  showFailure: (error: unknown, submitted?: Values) => void;
}

/**
 * The one way to build a form in the SPA: Mantine's `useForm` (controlled) for the values and the client-side rules,
 * the server's problem mapped onto the fields, the first invalid field focused and scrolled to (whether the browser
 * or the server found it), and the error summary for what names no field.
 *
 * A submission goes through a `useApiMutation`, so the `Idempotency-Key` (a corrected form gets a new one) and the
 * end of a session (the client's middleware opens "Session expirée", signs in again and re-sends the very request,
 * the form keeping what was typed) are handled below the form, never in it.
 */
export function useApiForm<Values extends FormShape>({ mapProblem, ...options }: ApiFormOptions<Values>): ApiForm<Values> {
  const form = useForm<Values>({ mode: "controlled", ...options });
  const [failure, setFailure] = useState<FormFailure | null>(null);
  // A double click (or Enter pressed twice) submits twice before `isPending` reaches the next render: one request is sent.
  const sending = useRef(false);

  function showFailure(error: unknown, submitted: Values = form.getValues()) {
    setFailure({ error, unmatched: applyProblemToForm(form, mapProblem ? mapProblem(error, submitted) : error) });
    revealProblem();
  }

  function submitWith<TData, TVariables>(
    mutation: FormMutation<TData, TVariables>,
    toVariables: (values: Values) => TVariables,
    onSuccess?: (data: TData, values: Values) => void,
  ) {
    return form.onSubmit(
      (values) => {
        if (sending.current || mutation.isPending) return;
        sending.current = true;
        setFailure(null);
        mutation.mutate(toVariables(values), {
          onSuccess: (data) => {
            sending.current = false;
            onSuccess?.(data, values);
          },
          onError: (error) => {
            sending.current = false;
            showFailure(error, values);
          },
        });
      },
      () => revealProblem(),
    );
  }

  const errorsShown = Object.keys(form.errors).length > 0;
  const shown = failure && (failure.unmatched.length > 0 || !errorsShown) ? failure : null;
  return { form, submitWith, failure: shown, clearFailure: () => setFailure(null), showFailure };
}

/** Field paths of list items as the server names them ("lines[0].quantity") → as a Mantine form does ("lines.0.quantity"). */
export function withDottedIndexes(error: unknown): unknown {
  const apiError = asApiError(error);
  if (!apiError?.problem.errors) return error;
  const errors = Object.fromEntries(Object.entries(apiError.problem.errors).map(([k, v]) => [k.replace(/\[(\d+)\]/g, ".$1"), v]));
  return new ApiError(apiError.status, { ...apiError.problem, errors }, apiError.retryAfterSeconds);
}

/** The problem with each field path renamed by `rename` (to the form's name of that field), the rest as is. */
export function renameProblemFields(error: unknown, rename: (path: string) => string): unknown {
  const apiError = asApiError(error);
  if (!apiError?.problem.errors) return error;
  const errors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(apiError.problem.errors)) {
    const name = rename(key);
    errors[name] = [...(errors[name] ?? []), ...messages];
  }
  return new ApiError(apiError.status, { ...apiError.problem, errors }, apiError.retryAfterSeconds);
}
