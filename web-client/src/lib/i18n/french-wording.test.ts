import { describe, expect, it } from "vitest";
import fr from "./fr.json";

function entries(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}

describe("French wording", () => {
  // Issue 11: "modifié(e)". A message names what it speaks of and agrees with it, instead of a bracketed ending.
  it("never writes a bracketed gender or plural ending such as « modifié(e) » or « facture(s) »", () => {
    const bracketed = entries(fr).filter(([, text]) => /\p{L}\((?:e|s|es|e\)\(s)\)/u.test(text));
    expect(bracketed).toEqual([]);
  });
});
