import { describe, expect, it } from "vitest";
import en from "./en.json";
import fr from "./fr.json";
import { i18n } from "./i18n";

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("French and English have exactly the same keys", () => {
    const frKeys = keys(fr).sort();
    const enKeys = keys(en).sort();
    expect(enKeys.filter((k) => !frKeys.includes(k))).toEqual([]);
    expect(frKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("has no empty message", () => {
    const empty = (obj: unknown) => keys(obj).filter((k) => {
      const v = k.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], obj);
      return typeof v !== "string" || v.trim() === "";
    });
    expect(empty(fr)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it("formats a decimal number in a French message the French way (48,2 j, not 48.2 j)", () => {
    expect(i18n.getFixedT("fr")("receivables.days", { count: 48.2 })).toBe("48,2 j");
    expect(i18n.getFixedT("fr")("receivables.days", { count: 1234 })).toBe("1\u202f234 j");
  });
});
