import { describe, expect, it } from "vitest";
import { formWithoutHook, handBuiltForms } from "./forms-guard-rules";

/** Every component of src/features and src/components, as text (Vite reads them at test time; tests themselves are left out). */
const sources = Object.entries(
  import.meta.glob<string>(["/src/features/**/*.tsx", "/src/components/**/*.tsx", "!/src/**/*.test.tsx"], { query: "?raw", import: "default", eager: true }),
);

describe("Forms → one way to build them", () => {
  it("every component that posts a form builds it with useApiForm", () => {
    const offenders = sources.filter(([, text]) => formWithoutHook(text)).map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it("no component keeps typed input in useState and sends it from a click, nor sends a dialog's confirmation for it", () => {
    const offenders = sources.flatMap(([file, text]) => handBuiltForms(text).map((why) => `${file} → ${why}`));
    expect(offenders).toEqual([]);
  });
});
