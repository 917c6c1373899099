import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createViewer } from "@/testing/data";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

type Level = { level: number; name: string; daysAfterDue: number; subject: string; body: string };

const defaults: Level[] = [
  { level: 1, name: "Relance amicale", daysAfterDue: 7, subject: "Rappel : facture {invoiceNumber}", body: "Bonjour,\n{amountDue} restent dus." },
  { level: 2, name: "Relance ferme", daysAfterDue: 30, subject: "Facture {invoiceNumber} impayée", body: "Merci de régler {amountDue}." },
];

function serve(version: number, levels: Level[] = defaults) {
  const sent: { body: { enabled: boolean; levels: Level[] }; ifMatch: string | null }[] = [];
  server.use(
    http.get("*/api/v1/reminders/settings", () =>
      HttpResponse.json({ enabled: false, configured: false, levels, placeholders: ["invoiceNumber", "amountDue"] }, { headers: { ETag: `"${version}"` } }),
    ),
    http.put("*/api/v1/reminders/settings", async ({ request }) => {
      const body = (await request.json()) as { enabled: boolean; levels: Level[] };
      sent.push({ body, ifMatch: request.headers.get("If-Match") });
      if (request.headers.get("If-Match") !== `"${version}"`) return problem(412, "stale_version", "Quelqu'un a modifié cet enregistrement entre-temps.");
      if (body.levels.some((l) => l.subject.includes("{number}")))
        return problem(422, "template_placeholder_unknown", "Variable inconnue.", { "levels[1].subject": ["La variable {number} n'existe pas."] });
      return HttpResponse.json({ ...body, configured: true, placeholders: [] }, { headers: { ETag: `"${version + 1}"` } });
    }),
  );
  return sent;
}

describe("Settings → reminders", () => {
  it("turns reminders on, renumbers the levels, saves with If-Match and shows a bad placeholder under its level's field", async () => {
    const sent = serve(4);
    const { user } = renderApp("/settings/reminders");
    await screen.findByDisplayValue("Relance amicale");

    await user.click(screen.getByLabelText("Relances automatiques actives"));
    const second = screen.getByRole("region", { name: "Niveau 2" });
    const subject = within(second).getByLabelText("Objet de l'e-mail");
    await user.clear(subject);
    await user.type(subject, "Facture {{number}");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    expect(await within(second).findByText("La variable {number} n'existe pas.")).toBeInTheDocument();
    expect(sent[0]!.ifMatch).toBe('"4"');
    expect(sent[0]!.body.enabled).toBe(true);
    expect(sent[0]!.body.levels.map((l) => [l.level, l.daysAfterDue])).toEqual([
      [1, 7],
      [2, 30],
    ]);

    // the first level goes: the second becomes level 1
    await user.click(within(screen.getByRole("region", { name: "Niveau 1" })).getByRole("button", { name: "Supprimer ce niveau" }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.body.levels.map((l) => [l.level, l.name])).toEqual([[1, "Relance ferme"]]);
  });

  it("explains that someone saved the settings meanwhile (412) and offers to reload them", async () => {
    serve(7);
    server.use(
      http.put("*/api/v1/reminders/settings", () => problem(412, "stale_version", "Quelqu'un a modifié cet enregistrement entre-temps.")),
    );
    const { user } = renderApp("/settings/reminders");
    await screen.findByDisplayValue("Relance amicale");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Quelqu'un d'autre a modifié cette fiche depuis que vous l'avez ouverte.");
    expect(within(alert).getByRole("button", { name: "Recharger" })).toBeInTheDocument();
  });

  it("is read-only without receivables:write", async () => {
    serve(1);
    renderApp("/settings/reminders", { user: createViewer() });
    await screen.findByDisplayValue("Relance amicale");
    expect(screen.queryByRole("button", { name: "Enregistrer" })).not.toBeInTheDocument();
    expect(screen.getByDisplayValue("Relance amicale")).toBeDisabled();
  });
});
