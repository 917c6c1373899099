import { describe, expect, it } from "vitest";
import { formatDurationInput, formatHours, parseDuration } from "./duration";
import { addDays, mondayOf, weekDays } from "./week";

describe("Timesheet durations", () => {
  it("reads hours with a comma or a dot, hours:minutes and minutes, as whole minutes", () => {
    expect(parseDuration("1,5")).toBe(90);
    expect(parseDuration("1.5")).toBe(90);
    expect(parseDuration("1:30")).toBe(90);
    expect(parseDuration("1h30")).toBe(90);
    expect(parseDuration("0:45")).toBe(45);
    expect(parseDuration("7")).toBe(420);
    expect(parseDuration("2h")).toBe(120);
    expect(parseDuration("90min")).toBe(90);
    expect(parseDuration(" 0,25 ")).toBe(15);
    expect(parseDuration("")).toBe(0);
  });

  it("refuses what is not a duration", () => {
    expect(parseDuration("abc")).toBeNull();
    expect(parseDuration("1:75")).toBeNull();
    expect(parseDuration("-2")).toBeNull();
    expect(parseDuration("1,5,5")).toBeNull();
  });

  it("writes hours the French way", () => {
    expect(formatDurationInput(90)).toBe("1,5");
    expect(formatDurationInput(0)).toBe("");
    expect(formatHours(3.5)).toBe("3,5\u00a0h");
  });

  it("finds the Monday of a week, across a month and a year end", () => {
    expect(mondayOf("2026-12-07")).toBe("2026-12-07");
    expect(mondayOf("2026-12-13")).toBe("2026-12-07");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(weekDays("2026-12-28").at(-1)).toBe("2027-01-03");
  });
});
