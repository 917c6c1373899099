import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { paymentsDb, paymentsRequests } from "@/testing/payments-handlers";
import { manualQueryIntervals } from "@/testing/query-intervals";
import { server } from "@/testing/server";

describe("Accounting → export", () => {
  // The page polls the export every second; the test decides when a poll happens.
  let intervals: ReturnType<typeof manualQueryIntervals>;
  beforeEach(() => {
    intervals = manualQueryIntervals();
  });
  afterEach(() => intervals.restore());

  it("starts a FEC export of the month, follows its progress by polling, then offers the file and its fingerprint", async () => {
    paymentsDb.exportSteps = [
      { status: "Running", progressPercent: 40, rowsWritten: 400, rowsTotal: 1000 },
      { status: "Completed", progressPercent: 100, fileName: "123456789FEC20261130.txt", sha256: "ab12cd34".repeat(8), entryCount: 250, completedAt: "2026-11-28T10:00:05Z" },
    ];
    const { user } = renderApp("/accounting-export");

    expect(await screen.findByText("Aucun export pour l'instant")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Lancer l'export" }));
    await waitFor(() => expect(paymentsRequests.exportRequests).toHaveLength(1));
    expect(paymentsRequests.exportRequests[0]).toMatchObject({ format: "Fec", fec: { separator: "Tab", encoding: "Iso885915" }, csv: null });
    const sent = paymentsRequests.exportRequests[0] as { from: string; to: string };
    expect(sent.from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(sent.to.slice(0, 7)).toBe(sent.from.slice(0, 7));

    const progress = await screen.findByTestId("export-progress");
    expect(progress).toBeInTheDocument();
    await waitFor(() => expect(intervals.running).toBe(1));
    intervals.tick();
    await waitFor(() => expect(screen.getByTestId("export-status")).toHaveTextContent("En cours — 40 %"));
    expect(screen.getByText("400 / 1000 lignes")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Progression de l'export" })).toHaveAttribute("aria-valuenow", "40");

    intervals.tick();
    const download = await screen.findByTestId("export-download");
    expect(download).toHaveAttribute("href", "/api/v1/accounting/exports/00000000-0000-4000-b000-0000000000e1/file");
    expect(download).toHaveTextContent("Télécharger 123456789FEC20261130.txt");
    expect(screen.getByTestId("export-status")).toHaveTextContent("Terminé");
    expect(screen.getByTestId("export-sha256")).toHaveTextContent("ab12cd34ab12cd34");
    // Polling stops once the export is finished.
    expect(paymentsRequests.exportPolls).toBe(2);
    await waitFor(() => expect(intervals.running).toBe(0));
    // The past exports list shows it too.
    expect(await screen.findByRole("table", { name: "Exports précédents" })).toHaveTextContent("Anne Comptable");
  });

  it("puts a refused period end (to) and a nested FEC option (fec.encoding) under their fields and focuses the first", async () => {
    server.use(
      http.post("*/api/v1/accounting/exports", () =>
        HttpResponse.json(
          {
            title: "La requête contient des erreurs.",
            status: 400,
            code: "validation_failed",
            errors: { To: ["La fin de période doit suivre son début."], "Fec.Encoding": ["Encodage inconnu."] },
          },
          { status: 400, headers: { "Content-Type": "application/problem+json" } },
        ),
      ),
    );
    const { user } = renderApp("/accounting-export");
    const form = await screen.findByRole("form", { name: "Nouvel export" });
    await user.click(within(form).getByRole("button", { name: "Lancer l'export" }));

    const to = within(form).getByRole("button", { name: "Au" });
    await waitFor(() => expect(to).toHaveAttribute("aria-invalid", "true"));
    expect(within(form).getByText("La fin de période doit suivre son début.")).toBeInTheDocument();
    expect(within(form).getByText("Encodage inconnu.")).toBeInTheDocument();
    expect(within(form).getByLabelText("Encodage", { selector: "input" })).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(to).toHaveFocus());
    // Everything named a field: no summary repeating it.
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
  });
});
