import { describe, expect, it } from "vitest";
import en from "./en.json";
import fr from "./fr.json";

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
});
