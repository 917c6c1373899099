import { describe, expect, it } from "vitest";
import { distribute, fromCents, sumCents, toCents } from "./allocation";

describe("allocation suggestion", () => {
  it("reads amounts as integer cents, French or English decimal mark", () => {
    expect(toCents("1 234,56")).toBe(123456);
    expect(toCents("0.1")).toBe(10);
    expect(toCents(0.3)).toBe(30);
    expect(toCents(1222.96)).toBe(122296);
    expect(toCents("12,345")).toBeNull();
    expect(toCents("abc")).toBeNull();
    expect(fromCents(122296)).toBe(1222.96);
    // 0.1 + 0.2 in floats is 0.30000000000000004; in cents it is exact.
    expect(fromCents(sumCents([toCents(0.1), toCents(0.2)]))).toBe(0.3);
  });

  it("fills the oldest due date first, never more than an invoice's outstanding, and shows the rest as credit", () => {
    const items = [
      { invoiceId: "b", dueDate: "2026-12-31", outstanding: 600.01 },
      { invoiceId: "a", dueDate: "2026-10-31", outstanding: 551.16 },
      { invoiceId: "c", dueDate: "2027-01-31", outstanding: 100 },
    ];
    expect(distribute(toCents("1000,00")!, items)).toEqual({ allocations: { a: 55116, b: 44884, c: 0 }, restCents: 0 });
    expect(distribute(toCents("1500")!, items)).toEqual({ allocations: { a: 55116, b: 60001, c: 10000 }, restCents: 24883 });
    expect(distribute(toCents("0,01")!, items)).toEqual({ allocations: { a: 1, b: 0, c: 0 }, restCents: 0 });
  });

  it("keeps the API's order for equal due dates and gives nothing to settled rows", () => {
    const items = [
      { invoiceId: "x", dueDate: "2026-11-30", outstanding: 10 },
      { invoiceId: "y", dueDate: "2026-11-30", outstanding: 10 },
      { invoiceId: "z", dueDate: "2026-11-01", outstanding: 0 },
    ];
    expect(distribute(1500, items)).toEqual({ allocations: { z: 0, x: 1000, y: 500 }, restCents: 0 });
    expect(distribute(0, items).restCents).toBe(0);
    expect(distribute(-500, items).allocations).toEqual({ z: 0, x: 0, y: 0 });
  });
});
