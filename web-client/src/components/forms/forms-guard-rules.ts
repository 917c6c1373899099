/**
 * The rules `forms-guard.test.ts` applies to the source text of every component: what a hand-built form looks like.
 * They read text, not a syntax tree, so they stay simple and say exactly what they look for.
 */

/** A component posting a form: it renders a `<form>` element or hands a submit handler to one. */
export const postsForm = /<form[\s>]|\bonSubmit=\{/;

const usesApiForm = /\buseApiForm\s*[<(]/;

/** Sending a request: a mutation's `mutate`/`mutateAsync`, or the confirm callback a dialog is handed. */
const sends = /\.mutate(?:Async)?\(|\bon(?:Confirm|Submit|Save|Send)\(/;

/** The `{…}` that starts at `open` (balanced braces; strings and comments are not told apart, which these files never need). */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{" || text[i] === "(") depth++;
    else if (text[i] === "}" || text[i] === ")") {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return text.slice(open + 1);
}

/** The values of every JSX attribute `name={…}` in `text`. */
export function attributeValues(text: string, name: string): string[] {
  const found: string[] = [];
  const pattern = new RegExp(`\\b${name}=\\{`, "g");
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(balanced(text, m.index + m[0].length - 1));
  return found;
}

/**
 * What a component declares that a handler may reach: functions (`function submit() {…}`, `const change = (…) => {…}` or
 * `=> expression`) and values derived on one line (`const request = useMemo(() => …, […]);`): name → body.
 */
function localFunctions(text: string): Map<string, string> {
  const functions = new Map<string, string>();
  const derived = /\bconst\s+(\w+)\s*=\s*([^\n]*)/g;
  for (let m = derived.exec(text); m; m = derived.exec(text)) functions.set(m[1]!, m[2]!);
  const declared = /\bfunction\s+(\w+)\s*\([^)]*\)[^{]*\{/g;
  for (let m = declared.exec(text); m; m = declared.exec(text)) functions.set(m[1]!, balanced(text, m.index + m[0].length - 1));
  const arrow = /\bconst\s+(\w+)\s*=\s*(?:async\s*)?\([^)]*\)\s*(?::[^=]+)?=>\s*/g;
  for (let m = arrow.exec(text); m; m = arrow.exec(text)) {
    const start = m.index + m[0].length;
    const body = text[start] === "{" || text[start] === "(" ? balanced(text, start) : (text.slice(start).split(/;\n|\n/)[0] ?? "");
    functions.set(m[1]!, body);
  }
  return functions;
}

/** `code` with the bodies of the local functions it names (and those they name, a few levels down) appended. */
function expand(code: string, functions: Map<string, string>, depth = 3): string {
  if (depth === 0) return code;
  const named = [...functions.entries()].filter(([name]) => new RegExp(`\\b${name}\\b`).test(code));
  return [code, ...named.map(([, body]) => expand(body, functions, depth - 1))].join("\n");
}

/** Each top-level component of a file (`function X(` or `export function X(` at the start of a line): name → text. */
export function components(text: string): Map<string, string> {
  const starts = [...text.matchAll(/^(?:export\s+)?function\s+(\w+)/gm)];
  return new Map(starts.map((m, i) => [m[1]!, text.slice(m.index, starts[i + 1]?.index ?? text.length)]));
}

/**
 * Why a component is a hand-built form, or null. Two shapes, both outside `useApiForm`:
 * - typed input kept in React state and sent from a click: a `useState` value whose setter is reached from an
 *   `onChange` is read by an `onClick` that sends a request (directly, or through the local functions and derived
 *   values they name);
 * - a confirmation sent from a callback: an `onConfirm={…}` handed to a dialog sends the mutation itself, so the dialog
 *   cannot put the refusal under its field (it takes the mutation and submits it through its own form instead).
 */
export function handBuiltForm(component: string): string | null {
  if (usesApiForm.test(component)) return null;
  const functions = localFunctions(component);
  const state = [...component.matchAll(/\[\s*(\w+)\s*,\s*(set\w+)\s*\]\s*=\s*useState\b/g)].map((m) => ({ value: m[1]!, setter: m[2]! }));
  const changes = attributeValues(component, "onChange").map((handler) => expand(handler, functions));
  const inputs = state.filter(({ setter }) => changes.some((handler) => new RegExp(`\\b${setter}\\b`).test(handler)));
  const sendingClicks = attributeValues(component, "onClick")
    .map((handler) => expand(handler, functions))
    .filter((handler) => sends.test(handler));
  const sent = inputs.filter(({ value }) => sendingClicks.some((handler) => new RegExp(`\\b${value}\\b`).test(handler)));
  if (sent.length > 0) return `input state (${sent.map((s) => s.value).join(", ")}) sent from an onClick`;
  if (attributeValues(component, "onConfirm").some((handler) => /\.mutate(?:Async)?\(/.test(expand(handler, functions))))
    return "a dialog's onConfirm sends the mutation";
  return null;
}

/** Every hand-built form of a file: "Component: why". */
export function handBuiltForms(text: string): string[] {
  return [...components(text).entries()].flatMap(([name, component]) => {
    const why = handBuiltForm(component);
    return why ? [`${name}: ${why}`] : [];
  });
}

/** A file rendering a `<form>` or an `onSubmit` without `useApiForm`. */
export function formWithoutHook(text: string): boolean {
  return postsForm.test(text) && !usesApiForm.test(text);
}
