import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, monthName } from "./dates";
import { formatMoney, formatPercent } from "./format-money";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatMoney", () => {
  it("uses the narrow no-break space between thousands and a comma for decimals", () => {
    expect(formatMoney(1234.5)).toBe(`1${NNBSP}234,50${NBSP}€`);
  });

  it("groups millions and keeps two decimals", () => {
    expect(formatMoney(1234567.5)).toBe(`1${NNBSP}234${NNBSP}567,50${NBSP}€`);
    expect(formatMoney(0)).toBe(`0,00${NBSP}€`);
  });

  it("shows negative amounts (credit notes) with a minus sign", () => {
    expect(formatMoney(-42.1)).toBe(`-42,10${NBSP}€`);
  });

  it("shows nothing for a missing amount", () => {
    expect(formatMoney(null)).toBe("");
  });

  it("formats a rate", () => {
    expect(formatPercent(10.5)).toBe(`10,5${NBSP}%`);
  });
});

describe("dates", () => {
  it("formats a document date as dd/MM/yyyy without shifting the day", () => {
    expect(formatDate("2026-03-05")).toBe("05/03/2026");
    expect(formatDate("2026-12-31")).toBe("31/12/2026");
  });

  it("formats a timestamp with day first", () => {
    expect(formatDateTime("2026-03-05T12:30:00")).toBe("05/03/2026 12:30");
  });

  it("names months in the UI language", () => {
    expect(monthName(1, "fr")).toBe("janvier");
    expect(monthName(9, "en")).toBe("September");
  });
});
