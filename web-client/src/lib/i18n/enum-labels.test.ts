import { describe, expect, it } from "vitest";
// eslint-disable-next-line import-x/default -- a Vite "?raw" import: the default export is the file's text
import schema from "@/api/schema.d.ts?raw";
import en from "./en.json";
import fr from "./fr.json";

/**
 * Every value of every enumeration the API documents, read from the types generated from `openapi.yaml` (kept equal
 * to the contract by the test command): a component schema that is a union of string literals,
 * `PaymentMethod: "BankTransfer" | "Card" | …;`.
 */
function contractEnumValues(): string[] {
  const values = new Set<string>();
  for (const line of schema.split("\n")) {
    const union = /^\s{8}\w+: ((?:"\w+"|null)(?: \| (?:"\w+"|null))*);$/.exec(line);
    for (const literal of union?.[1]?.matchAll(/"(\w+)"/g) ?? []) values.add(literal[1]!);
  }
  return [...values].sort();
}

describe("enumeration labels", () => {
  it("names every enumeration value of the contract in French and English, so the audit log never shows a raw code", () => {
    const values = contractEnumValues();
    expect(values).toContain("BankTransfer");
    expect(values.length).toBeGreaterThan(100);
    expect(values.filter((v) => !(v in fr.audit.values))).toEqual([]);
    expect(values.filter((v) => !(v in en.audit.values))).toEqual([]);
  });
});
