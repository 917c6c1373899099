import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createViewer } from "@/testing/data";
import { renderApp } from "@/testing/render";
import { alice, createEntry, createProject, createTimeUser, projectsDb, timeOf } from "@/testing/projects-handlers";
import { createOrder, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";

setupSalesApi();

const spaces = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

describe("Projects → the list", () => {
  it("opens from the menu and shows each project's French status and its time against the budget", async () => {
    projectsDb.projects = [
      createProject({ name: "Refonte du showroom", status: "InProgress", time: timeOf(12) }),
      createProject({ name: "Agencement bureaux", status: "Planned", time: timeOf(0) }),
      createProject({ name: "Cuisine Martin", status: "Done", time: timeOf(43.5) }),
    ];
    const { user } = renderApp("/", { user: createTimeUser() });

    await user.click(await screen.findByRole("link", { name: "Projets" }));
    const rows = await screen.findAllByTestId("project-row");
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText("En cours")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Planifié")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("Terminé")).toBeInTheDocument();
    expect(spaces(within(rows[0]!).getByRole("progressbar").getAttribute("aria-label"))).toBe("12 h sur 40 h");
    // Over budget: the bar is full, not past its end.
    expect(within(rows[2]!).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    expect(screen.queryByText("Ce module arrive bientôt")).not.toBeInTheDocument();
  });

  it("filters on the status on the server", async () => {
    projectsDb.projects = [createProject({ name: "Refonte du showroom" }), createProject({ name: "Agencement bureaux", status: "Cancelled" })];
    const { user } = renderApp("/projects", { user: createTimeUser() });

    expect(await screen.findAllByTestId("project-row")).toHaveLength(2);
    await user.click(screen.getByLabelText("Statut", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Annulé", hidden: true }));
    await waitFor(() => expect(screen.getAllByTestId("project-row")).toHaveLength(1));
    expect(screen.getByText("Agencement bureaux")).toBeInTheDocument();
    expect(projectsDb.listQueries.at(-1)?.get("status")).toBe("Cancelled");
  });
});

describe("Projects → the project page", () => {
  it("writes the overrun under a red bar: « Budget dépassé de 3,5 h »", async () => {
    const project = createProject({ budgetHours: 40, time: timeOf(43.5) });
    projectsDb.projects = [project];
    renderApp(`/projects/${project.id}`, { user: createTimeUser() });

    const progress = await screen.findByTestId("budget-progress");
    expect(spaces(within(progress).getByTestId("over-budget").textContent)).toBe("Budget dépassé de 3,5 h");
    expect(spaces(within(progress).getByText(/sur 40 h/).textContent)).toBe("43,5 h sur 40 h");
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  });

  it("within the budget, shows the share spent and no warning", async () => {
    const project = createProject();
    projectsDb.projects = [project];
    renderApp(`/projects/${project.id}`, { user: createTimeUser() });

    const progress = await screen.findByTestId("budget-progress");
    expect(within(progress).getByText("30 % du budget")).toBeInTheDocument();
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "30");
    expect(within(progress).queryByTestId("over-budget")).not.toBeInTheDocument();
    const members = screen.getByTestId("member-totals");
    expect(spaces(within(members).getByText("Bruno Martin").closest("tr")!.textContent)).toContain("4 h");
  });

  it("without an hours budget, measures the amount budget and says when it is exceeded", async () => {
    const project = createProject({ budgetHours: null, time: timeOf(30, { hoursConsumedPercent: null, amountConsumedPercent: 112.5, progressPercent: 112.5, overBudget: true }) });
    projectsDb.projects = [project];
    renderApp(`/projects/${project.id}`, { user: createTimeUser() });

    const progress = await screen.findByTestId("budget-progress");
    expect(within(progress).getByTestId("over-budget")).toHaveTextContent("Budget en montant dépassé");
    expect(within(progress).getByText("113 % du budget")).toBeInTheDocument();
  });

  it("locks an invoiced entry with a link to its invoice, and lets the user edit their own open entries only", async () => {
    const project = createProject();
    projectsDb.projects = [project];
    projectsDb.entries = [
      createEntry(project, { date: "2026-12-01", invoiceId: "inv-1", invoiceNumber: "FA-2026-00042", invoiceStatus: "Validated", locked: true }),
      createEntry(project, { date: "2026-12-02" }),
      createEntry(project, { date: "2026-12-03", userId: "someone-else", userName: "Bruno Martin" }),
      createEntry(project, { date: "2026-12-04", invoiceId: "inv-2", invoiceStatus: "Draft", locked: true }),
    ];
    // A Sales user records their own time, not the others'.
    renderApp(`/projects/${project.id}`, { user: createTimeUser({ role: "Sales" }) });

    const rows = await screen.findAllByTestId("time-entry");
    expect(within(within(rows[0]!).getByTestId("invoiced-badge")).getByRole("link", { name: "Facturé sur FA-2026-00042" })).toHaveAttribute("href", "/invoices/inv-1");
    // A draft has no number yet: the badge says so and still leads to it.
    expect(within(within(rows[3]!).getByTestId("invoiced-badge")).getByRole("link", { name: "Facturé (brouillon)" })).toHaveAttribute("href", "/invoices/inv-2");
    expect(within(rows[0]!).getByLabelText("Facturé : ce temps ne peut plus être modifié.")).toBeInTheDocument();
    expect(within(rows[0]!).queryByRole("button", { name: /Modifier/ })).not.toBeInTheDocument();
    expect(within(rows[1]!).getByRole("button", { name: "Modifier le temps du 02/12/2026" })).toBeInTheDocument();
    expect(within(rows[2]!).queryByRole("button", { name: /Modifier/ })).not.toBeInTheDocument();
  });

  it("edits an entry with the ETag it reads first, the duration typed « 2:45 »", async () => {
    const project = createProject();
    projectsDb.projects = [project];
    projectsDb.entries = [createEntry(project, { date: "2026-12-02", minutes: 120 })];
    const { user } = renderApp(`/projects/${project.id}`, { user: createTimeUser() });

    await user.click(await screen.findByRole("button", { name: "Modifier le temps du 02/12/2026" }));
    const duration = await screen.findByRole("textbox", { name: /Durée/ });
    expect(duration).toHaveValue("2");
    await user.clear(duration);
    await user.type(duration, "2:45");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(projectsDb.entryUpdates).toHaveLength(1));
    expect(projectsDb.entryUpdates[0]).toMatchObject({ ifMatch: '"7"', body: { date: "2026-12-02", minutes: 165 } });
    expect(await screen.findByText("Temps enregistré.")).toBeInTheDocument();
  });

  it("offers « Facturer le temps » with the hours at the project's rate to whoever may invoice", async () => {
    const project = createProject();
    projectsDb.projects = [project];
    const { user } = renderApp(`/projects/${project.id}`, { user: createTimeUser() });

    await user.click(await screen.findByRole("button", { name: "Facturer le temps" }));
    expect(spaces((await screen.findByTestId("invoice-time-summary")).textContent)).toBe(
      "6 h facturables non facturées, au taux de 85,00 € de l'heure : 510,00 € HT.",
    );
  });

  it("shows nothing to change to a viewer", async () => {
    const project = createProject();
    projectsDb.projects = [project];
    projectsDb.entries = [createEntry(project, { userId: alice.userId })];
    renderApp(`/projects/${project.id}`, { user: createViewer() });

    expect(await screen.findByTestId("budget-progress")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Facturer le temps" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Saisir du temps" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Modifier" })).not.toBeInTheDocument();
  });
});

describe("Projects → « Créer un projet » on the order page", () => {
  it("is disabled on a draft order, with the reason", async () => {
    const order = createOrder();
    salesDb.orders = [order];
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    const button = await screen.findByTestId("create-project");
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription("Commande non validée : validez-la pour créer un projet.");
  });

  it("leads from a validated order to the form, and links to the project already made from it", async () => {
    const order = createOrder({ status: "InProgress", number: "CO-2026-00031" });
    salesDb.orders = [order];
    projectsDb.projects = [createProject({ name: "Pose de la cuisine", orderId: order.id, orderNumber: "CO-2026-00031" })];
    const { user } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    expect(await screen.findByRole("link", { name: "Projet « Pose de la cuisine »" })).toBeInTheDocument();
    await user.click(screen.getByRole("link", { name: "Créer un projet" }));
    expect(await screen.findByRole("heading", { name: "Nouveau projet" })).toBeInTheDocument();
    expect(screen.getByLabelText(/Nom du projet/)).toHaveValue(`${order.customerName} — commande CO-2026-00031`);
  });
});
