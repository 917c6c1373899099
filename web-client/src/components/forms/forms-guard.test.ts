import { describe, expect, it } from "vitest";

/** Every component of src/features, as text (Vite reads them at test time; tests themselves are left out). */
const features = Object.entries(
  import.meta.glob<string>(["/src/features/**/*.tsx", "!/src/features/**/*.test.tsx"], { query: "?raw", import: "default", eager: true }),
);

/** A component posting a form: it renders a `<form>` element or hands a submit handler to one. */
const postsForm = /<form[\s>]|\bonSubmit=\{/;

describe("Forms → one way to build them", () => {
  it("every component under src/features that posts a form builds it with useApiForm", () => {
    const offenders = features.filter(([, text]) => postsForm.test(text) && !/\buseApiForm\s*[<(]/.test(text)).map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it("recognises a hand-built form (the rule is not vacuous)", () => {
    expect(postsForm.test('<form onSubmit={submit} noValidate aria-label="x">')).toBe(true);
    expect(postsForm.test("<Stack component=\"form\">")).toBe(false);
    expect(features.length).toBeGreaterThan(50);
  });
});
