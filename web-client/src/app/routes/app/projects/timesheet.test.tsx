import { screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { alice, createEntry, createProject, createTimeUser, projectsDb } from "@/testing/projects-handlers";
import { server } from "@/testing/server";


const spaces = (text: string | null | undefined) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

/** Alice's week of 7 December 2026: 2 h on the showroom on Monday, 1 h on the offices on Tuesday, already invoiced. */
function seedWeek() {
  const showroom = createProject({ name: "Refonte du showroom", members: [alice] });
  const offices = createProject({ name: "Agencement bureaux", members: [alice] });
  const kitchen = createProject({ name: "Cuisine Martin", members: [alice], status: "Planned" });
  projectsDb.projects = [showroom, offices, kitchen];
  projectsDb.entries = [
    createEntry(showroom, { date: "2026-12-07", minutes: 120 }),
    createEntry(offices, { date: "2026-12-08", minutes: 60, invoiceId: "inv-1", locked: true }),
  ];
  return { showroom, offices, kitchen };
}

const cell = (project: string, day: string) => screen.getByLabelText(`${project}, ${day}`);

describe("Timesheet → a week typed with the keyboard", () => {
  it("moves with the arrows, reads « 1,5 » and « 1:30 », totals the rows and days, and saves the week with Enter", async () => {
    const { showroom, offices } = seedWeek();
    const { user } = renderApp("/projects/timesheet?week=2026-12-09", { user: createTimeUser() });

    // Any day of the week opens its Monday.
    expect(spaces((await screen.findByTestId("week-label")).textContent)).toBe("Semaine du 07/12/2026 au 13/12/2026");
    const monday = await screen.findByLabelText("Refonte du showroom, lundi 7 décembre");
    expect(monday).toHaveValue("2");
    await user.click(monday);
    await user.keyboard("{ArrowRight}");
    expect(cell("Refonte du showroom", "mardi 8 décembre")).toHaveFocus();
    await user.keyboard("1,5{ArrowRight}1:30{ArrowUp}");
    expect(cell("Agencement bureaux", "mercredi 9 décembre")).toHaveFocus();
    await user.keyboard("0,5");

    const rowTotals = screen.getAllByTestId("row-total").map((e) => spaces(e.textContent));
    expect(rowTotals).toEqual(["1,5 h", "5 h"]);
    expect(spaces(screen.getByTestId("week-total").textContent)).toBe("6,5 h");

    await user.keyboard("{Enter}");
    await waitFor(() => expect(projectsDb.timesheets).toHaveLength(1));
    const saved = projectsDb.timesheets[0]!;
    expect(saved).toMatchObject({ userId: alice.userId, weekStart: "2026-12-07" });
    expect(saved.cells.filter((c) => c.minutes > 0)).toEqual([
      { projectId: offices.id, date: "2026-12-09", minutes: 30 },
      { projectId: showroom.id, date: "2026-12-07", minutes: 120 },
      { projectId: showroom.id, date: "2026-12-08", minutes: 90 },
      { projectId: showroom.id, date: "2026-12-09", minutes: 90 },
    ]);
    // The invoiced cell is not sent: it cannot change.
    expect(saved.cells.some((c) => c.projectId === offices.id && c.date === "2026-12-08")).toBe(false);
    expect(await screen.findByText("Semaine enregistrée.")).toBeInTheDocument();
  });

  it("puts the server's refusal of cells[8] on that cell, focused, and sends the corrected week again", async () => {
    seedWeek();
    let calls = 0;
    server.use(
      http.put("*/api/v1/timesheets/:userId/:weekStart", async ({ request }) => {
        calls += 1;
        const body = (await request.json()) as { cells: { minutes: number }[] };
        projectsDb.timesheets.push({ userId: "", weekStart: "", cells: body.cells as never });
        if (calls === 1) return problem(400, "validation_failed", "La requête contient des erreurs.", { "cells[8].minutes": ["Une journée compte au plus 24 heures."] });
        return HttpResponse.json({ cells: body.cells });
      }),
    );
    const { user } = renderApp("/projects/timesheet?week=2026-12-07", { user: createTimeUser() });

    // Sent in order: the offices' six open days (Tuesday is invoiced), then the showroom's Monday, Tuesday, Wednesday…
    await user.click(await screen.findByLabelText("Refonte du showroom, mercredi 9 décembre"));
    await user.keyboard("25{Enter}");

    const refused = cell("Refonte du showroom", "mercredi 9 décembre");
    expect(await screen.findByText("Une journée compte au plus 24 heures.")).toBeInTheDocument();
    expect(refused).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(refused).toHaveFocus());

    await user.keyboard("{Control>}a{/Control}8{Enter}");
    await waitFor(() => expect(calls).toBe(2));
    expect(projectsDb.timesheets[1]!.cells[8]).toMatchObject({ date: "2026-12-09", minutes: 480 });
    expect(await screen.findByText("Semaine enregistrée.")).toBeInTheDocument();
    expect(refused).not.toHaveAttribute("aria-invalid", "true");
  });

  it("gives a cell back its value with Escape, and refuses a duration it cannot read before sending anything", async () => {
    seedWeek();
    const { user } = renderApp("/projects/timesheet?week=2026-12-07", { user: createTimeUser() });

    const monday = await screen.findByLabelText("Refonte du showroom, lundi 7 décembre");
    await user.click(monday);
    await user.keyboard("{Control>}a{/Control}4");
    expect(monday).toHaveValue("4");
    await user.keyboard("{Escape}");
    expect(monday).toHaveValue("2");

    await user.keyboard("{Control>}a{/Control}deux{Enter}");
    expect(await screen.findByText("Durée invalide : saisissez des heures comme « 1,5 » ou « 1:30 ».")).toBeInTheDocument();
    expect(monday).toHaveAttribute("aria-invalid", "true");
    expect(projectsDb.timesheets).toHaveLength(0);
  });

  it("shows invoiced time read-only with its invoice, and adds a row for another project of the user", async () => {
    seedWeek();
    const { user } = renderApp("/projects/timesheet?week=2026-12-07", { user: createTimeUser() });

    const locked = await screen.findByLabelText("Agencement bureaux, mardi 8 décembre");
    expect(locked).toHaveAttribute("readonly");
    expect(locked).toHaveAccessibleDescription("Facturé : ce temps ne peut plus être modifié.");

    await user.click(screen.getByLabelText("Ajouter un projet", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: /Cuisine Martin/, hidden: true }));
    expect(await screen.findByLabelText("Cuisine Martin, lundi 7 décembre")).toBeInTheDocument();
    expect(screen.getAllByTestId("timesheet-row")).toHaveLength(3);
  });
});
