import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createViewer } from "@/testing/data";
import { contractsDb, createContract, setupContractsApi } from "@/testing/contracts-handlers";
import { dashboardDb, emptyDashboard } from "@/testing/dashboard-handlers";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { createLine, createOrder, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";
import { server } from "@/testing/server";

setupSalesApi();
setupContractsApi();

const plain = (text: string | null | undefined) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

/** The field shows the message, is marked invalid and has the focus. */
async function expectOnField(field: HTMLElement, message: string | RegExp) {
  await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
  expect(screen.getByText(message)).toBeInTheDocument();
  await waitFor(() => expect(field).toHaveFocus());
}

describe("Contracts → the list", () => {
  it("shows each contract with its French status and its monthly recurring revenue, and filters on the server", async () => {
    contractsDb.contracts = [
      createContract({ reference: "CT-00001", monthlyRecurringRevenue: 1250.5 }),
      createContract({ reference: "CT-00002", status: "Terminated" }),
      createContract({ reference: "CT-00003", status: "Draft" }),
      createContract({ reference: "CT-00004", status: "Expired" }),
    ];
    const { user } = renderApp("/contracts");

    const table = await screen.findByRole("table", { name: "Contrats" });
    const row = (reference: string) => within(table).getByRole("link", { name: reference }).closest("tr")!;
    expect(within(row("CT-00001")).getByText("Actif")).toBeInTheDocument();
    expect(plain(within(row("CT-00001")).getByTestId("contract-mrr").textContent)).toBe("1 250,50 €");
    expect(within(row("CT-00002")).getByText("Résilié")).toBeInTheDocument();
    expect(within(row("CT-00003")).getByText("Brouillon")).toBeInTheDocument();
    expect(within(row("CT-00004")).getByText("Expiré")).toBeInTheDocument();
    expect(within(row("CT-00001")).getByText("Mensuel")).toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "À renouveler (60 jours)" }));
    await waitFor(() => expect(contractsDb.listRequests.at(-1)?.get("renewalWithin")).toBe("60"));

    await user.click(screen.getByLabelText("Statut", { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Résilié", hidden: true }));
    await waitFor(() => expect(contractsDb.listRequests.at(-1)?.get("status")).toBe("Terminated"));
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Contrats" })).queryByText("CT-00001")).not.toBeInTheDocument());
  });

  it("offers no creation to a user who may only read", async () => {
    contractsDb.contracts = [createContract()];
    renderApp("/contracts", { user: createViewer() });
    expect(await screen.findByRole("link", { name: "CT-00001" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Nouveau contrat" })).not.toBeInTheDocument();
  });
});

describe("Contracts → the form", () => {
  it("puts the server's refusal under the term field, and sends the corrected contract once", async () => {
    let attempts = 0;
    server.use(
      http.post("*/api/v1/contracts", async ({ request }) => {
        attempts++;
        const body = (await request.json()) as { termMonths: number };
        if (body.termMonths !== 12)
          return problem(400, "contract_term_not_whole_periods", "La requête contient des erreurs.", {
            termMonths: ["La durée du contrat doit être un nombre entier de périodes de facturation (12 mois)."],
          });
        const created = createContract({ status: "Draft", reference: "CT-00042", periodicity: "Yearly" });
        contractsDb.contracts.push(created);
        return HttpResponse.json(created, { status: 201, headers: { ETag: '"1"' } });
      }),
    );
    const customer = contractsDb.customer;
    const { user } = renderApp(`/contracts/new?customerId=${customer.id}&customerName=${encodeURIComponent(customer.name)}`);

    const term = await screen.findByRole("textbox", { name: /^Durée d'engagement/ });
    await user.click(screen.getByLabelText(/^Périodicité de facturation/, { selector: "input" }));
    await user.click(await screen.findByRole("option", { name: "Annuel", hidden: true }));
    await user.clear(term);
    await user.type(term, "18");
    await user.click(screen.getByRole("button", { name: "Créer le contrat" }));

    await expectOnField(term, "La durée du contrat doit être un nombre entier de périodes de facturation (12 mois).");
    expect(attempts).toBe(1);

    await user.clear(term);
    await user.type(term, "12");
    await user.click(screen.getByRole("button", { name: "Créer le contrat" }));
    expect(await screen.findByTestId("contract-title")).toHaveTextContent("Contrat CT-00042");
    expect(attempts).toBe(2);
  });

  it("from an order, offers its subscription lines not under a contract yet and sends the ones kept", async () => {
    const maintenance = createLine({ description: "Maintenance annuelle", isContractLine: true });
    const hosting = createLine({ description: "Hébergement", isContractLine: true });
    const order = createOrder({ status: "InProgress", number: "CO-2026-00050", lines: [createLine(), maintenance, hosting] });
    salesDb.orders = [order];
    const { user } = renderApp(`/contracts/new?orderId=${order.id}`);

    expect(await screen.findByRole("heading", { name: "Contrat de la commande CO-2026-00050" })).toBeInTheDocument();
    const lines = await screen.findByRole("table", { name: "Lignes sous contrat de la commande" });
    expect(within(lines).queryByText("Étagère chêne massif sur mesure")).not.toBeInTheDocument();
    await user.click(within(lines).getByRole("checkbox", { name: "Inclure « Hébergement »" }));
    await user.click(screen.getByRole("button", { name: "Créer le contrat" }));

    expect(await screen.findByTestId("contract-title")).toHaveTextContent("Contrat CT-00043");
    const sent = contractsDb.bodies.find((b) => b.route === "POST /contracts/from-order")!.body;
    expect(sent).toMatchObject({ orderId: order.id, orderLineIds: [maintenance.id] });
  });
});

describe("Contracts → the contract page", () => {
  it("shows the terms in French, the notice deadline, the history of terms and the periods with their invoices", async () => {
    const contract = createContract({
      reference: "CT-00007",
      periodicity: "Quarterly",
      timing: "InArrears",
      termNumber: 2,
      terms: [
        { number: 1, start: "2025-01-01", end: "2025-12-31", revisionKind: "None", revisionValue: null, priceFactor: 1, tacit: false, decidedOn: "2024-12-15", decidedByUserId: null },
        { number: 2, start: "2026-01-01", end: "2026-12-31", revisionKind: "Percentage", revisionValue: 3, priceFactor: 1.03, tacit: true, decidedOn: "2026-01-01", decidedByUserId: null },
      ],
    });
    contractsDb.contracts = [contract];
    contractsDb.periods[contract.id] = [
        {
          termNumber: 2,
          start: "2026-01-01",
          end: "2026-03-31",
          billingDate: "2026-04-01",
          proRataFactor: 1,
          amountExcludingVat: 772.5,
          invoiceId: "00000000-0000-4000-c000-00000000f001",
          invoiceNumber: "FA-2026-00012",
          invoiceStatus: "Validated",
          state: "Invoiced",
          id: "00000000-0000-4000-c000-00000000e001",
          invoiceTotalIncludingVat: 927,
        },
        {
          termNumber: 2,
          start: "2026-10-01",
          end: "2026-12-31",
          billingDate: "2027-01-01",
          proRataFactor: 1,
          amountExcludingVat: 772.5,
          invoiceId: null,
          invoiceNumber: null,
          invoiceStatus: null,
          state: "Upcoming",
          id: null,
          invoiceTotalIncludingVat: null,
        },
    ];
    renderApp(`/contracts/${contract.id}`);

    expect(await screen.findByTestId("contract-title")).toHaveTextContent("Contrat CT-00007");
    expect(screen.getByTestId("contract-periodicity")).toHaveTextContent("Trimestriel");
    expect(screen.getByText("Terme échu")).toBeInTheDocument();
    expect(screen.getByTestId("notice-deadline")).toHaveTextContent("30/11/2026");
    const history = screen.getByTestId("terms-history");
    expect(within(history).getByText("du 01/01/2026 au 31/12/2026")).toBeInTheDocument();
    expect(within(history).getByText("+3 %", { exact: false })).toBeInTheDocument();
    const periods = await screen.findByTestId("periods");
    expect(within(periods).getByRole("link", { name: "FA-2026-00012" })).toHaveAttribute("href", "/invoices/00000000-0000-4000-c000-00000000f001");
    expect(within(periods).getByText("du 01/01/2026 au 31/03/2026")).toBeInTheDocument();
    expect(within(periods).getByText("À venir")).toBeInTheDocument();
  });

  it("shows the server's refusal about the notice under the date field, with the earliest date it allows", async () => {
    const contract = createContract();
    contractsDb.contracts = [contract];
    const message = "Le préavis n'est pas respecté : la résiliation peut prendre effet au plus tôt le 31/12/2027 (date limite de préavis : 30/11/2026).";
    server.use(
      http.post("*/api/v1/contracts/:id/terminate", () =>
        problem(422, "contract_notice_not_respected", "Le préavis n'est pas respecté.", { effectiveDate: [message] }),
      ),
    );
    const { user } = renderApp(`/contracts/${contract.id}`);

    await user.click(await screen.findByRole("button", { name: "Résilier" }));
    const dialog = await screen.findByRole("dialog", { name: "Résilier le contrat CT-00001" });
    await user.type(within(dialog).getByRole("textbox", { name: /^Motif de résiliation/ }), "Cessation d'activité");
    await user.click(within(dialog).getByRole("button", { name: "Résilier" }));

    const date = within(dialog).getByRole("button", { name: /^Date d'effet/ });
    await waitFor(() => expect(date).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getByText(message)).toBeInTheDocument();
    expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("offers the earliest date a refused termination names, and one click puts it in the date field", async () => {
    const contract = createContract();
    contractsDb.contracts = [contract];
    const message = "Le préavis n'est pas respecté : la résiliation peut prendre effet au plus tôt le 31/12/2027 (date limite de préavis : 30/11/2026).";
    const sent: { effectiveDate: string | null }[] = [];
    server.use(
      http.post("*/api/v1/contracts/:id/terminate", async ({ request }) => {
        const body = (await request.json()) as { effectiveDate: string | null; reason: string };
        sent.push(body);
        if (body.effectiveDate === "2027-12-31") return HttpResponse.json({ ...contract, status: "Terminated", terminationDate: "2027-12-31" }, { headers: { ETag: '"2"' } });
        return HttpResponse.json(
          {
            type: "https://koban.fr/problems/contract-notice-not-respected",
            title: message,
            status: 422,
            code: "contract_notice_not_respected",
            errors: { effectiveDate: [message] },
            earliestTerminationDate: "2027-12-31",
            latestTerminationDate: "2028-12-31",
            noticeDeadline: "2026-11-30",
          },
          { status: 422, headers: { "Content-Type": "application/problem+json" } },
        );
      }),
    );
    const { user } = renderApp(`/contracts/${contract.id}`);

    await user.click(await screen.findByRole("button", { name: "Résilier" }));
    const dialog = await screen.findByRole("dialog", { name: "Résilier le contrat CT-00001" });
    expect(within(dialog).queryByTestId("earliest-termination-date")).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole("textbox", { name: /^Motif de résiliation/ }), "Cessation d'activité");
    await user.click(within(dialog).getByRole("button", { name: "Résilier" }));

    const offer = await within(dialog).findByTestId("earliest-termination-date");
    expect(plain(offer.textContent)).toContain("Date au plus tôt : 31/12/2027");
    await user.click(within(offer).getByRole("button", { name: "Prendre cette date" }));
    expect(within(dialog).getByRole("button", { name: /^Date d'effet/ })).toHaveTextContent("31/12/2027");
    expect(within(dialog).queryByTestId("earliest-termination-date")).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Résilier" }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.effectiveDate).toBe("2027-12-31");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Résilier le contrat CT-00001" })).not.toBeInTheDocument());
  });

  it("puts a notice refusal that names no field under the date field too", async () => {
    const contract = createContract();
    contractsDb.contracts = [contract];
    server.use(
      http.post("*/api/v1/contracts/:id/terminate", () =>
        HttpResponse.json(
          { title: "Le préavis n'est pas respecté.", detail: "Au plus tôt le 31/12/2027.", status: 409, code: "contract_notice_not_respected" },
          { status: 409, headers: { "Content-Type": "application/problem+json" } },
        ),
      ),
    );
    const { user } = renderApp(`/contracts/${contract.id}`);

    await user.click(await screen.findByRole("button", { name: "Résilier" }));
    const dialog = await screen.findByRole("dialog", { name: "Résilier le contrat CT-00001" });
    await user.type(within(dialog).getByRole("textbox", { name: /^Motif de résiliation/ }), "Fin de collaboration");
    await user.click(within(dialog).getByRole("button", { name: "Résilier" }));

    await waitFor(() => expect(within(dialog).getByRole("button", { name: /^Date d'effet/ })).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getByText("Au plus tôt le 31/12/2027.")).toBeInTheDocument();
  });

  it("offers only what the status allows: a draft is edited, activated or deleted; an expired contract nothing", async () => {
    const draft = createContract({ status: "Draft", reference: "CT-00010" });
    const expired = createContract({ status: "Expired", reference: "CT-00011", willRenewTacitly: false });
    contractsDb.contracts = [draft, expired];
    const { user, router } = renderApp(`/contracts/${draft.id}`);

    expect(await screen.findByRole("link", { name: "Modifier" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Résilier" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Activer" }));
    await user.click(within(await screen.findByRole("dialog", { name: "Activer le contrat" })).getByRole("button", { name: "Activer" }));
    await waitFor(() => expect(contractsDb.bodies.some((b) => b.route === "POST /contracts/{id}/activate")).toBe(true));

    await router.navigate(`/contracts/${expired.id}`);
    expect(await screen.findByText("Expiré")).toBeInTheDocument();
    for (const name of ["Activer", "Résilier", "Renouveler", "Facturer les périodes dues"])
      expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
  });
});

describe("Contracts → renewals", () => {
  it("lists the contracts reaching their term with the passed notice deadline highlighted, and renews one with a 3 % revision", async () => {
    contractsDb.contracts = [createContract({ reference: "CT-00005" })];
    const { user } = renderApp("/contracts/renewals");

    const row = await screen.findByTestId("renewal-row");
    expect(within(row).getByTestId("notice-passed")).toHaveTextContent("Préavis dépassé");
    expect(within(row).getByText("31/12/2026")).toBeInTheDocument();

    await user.click(within(row).getByRole("button", { name: "Renouveler le contrat CT-00005" }));
    const dialog = await screen.findByRole("dialog", { name: "Renouveler le contrat CT-00005" });
    await user.type(within(dialog).getByRole("textbox", { name: /^Pourcentage de révision/ }), "3");
    await user.click(within(dialog).getByRole("button", { name: "Renouveler" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(contractsDb.bodies.find((b) => b.route === "POST /contracts/{id}/renew")!.body).toEqual({
      revision: { kind: "Percentage", percentage: 3, indexValue: null },
    });
  });

  it("asks the window of 30, 60 or 90 days of the server", async () => {
    const seen: string[] = [];
    server.use(
      http.get("*/api/v1/contracts/renewals", ({ request }) => {
        seen.push(new URL(request.url).searchParams.get("within") ?? "");
        return HttpResponse.json({ today: "2026-12-07", within: 90, count: 0, items: [] });
      }),
    );
    const { user } = renderApp("/contracts/renewals");
    expect(await screen.findByText("Aucun contrat n'arrive à échéance dans les 60 prochains jours.")).toBeInTheDocument();
    await user.click(screen.getByText("90 jours"));
    expect(await screen.findByText("Aucun contrat n'arrive à échéance dans les 90 prochains jours.")).toBeInTheDocument();
    expect(seen).toEqual(["60", "90"]);
  });
});

describe("Orders → « Créer un contrat »", () => {
  const refusalOf = async () => (await screen.findByTestId("contract-refusal")).textContent;

  it("is disabled with its reason on a draft order", async () => {
    const order = createOrder({ lines: [createLine({ isContractLine: true })] });
    salesDb.orders = [order];
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });
    expect(await refusalOf()).toBe("Commande non validée");
    expect(screen.getByRole("button", { name: "Créer un contrat" })).toBeDisabled();
  });

  it("is disabled with its reason on a validated order without a subscription line", async () => {
    const order = createOrder({ status: "InProgress", number: "CO-2026-00051" });
    salesDb.orders = [order];
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });
    expect(await refusalOf()).toBe("Aucun article sous contrat");
  });

  it("is disabled once every subscription line is under a contract", async () => {
    const line = createLine({ isContractLine: true });
    const order = createOrder({ status: "InProgress", number: "CO-2026-00052", lines: [line] });
    salesDb.orders = [order];
    contractsDb.contracts = [createContract({ orderId: order.id, lines: [{ ...createContract().lines[0]!, orderLineId: line.id }] })];
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });
    expect(await refusalOf()).toBe("Déjà sous contrat");
  });

  it("opens the contract form of the order when a subscription line is free", async () => {
    const order = createOrder({ status: "InProgress", number: "CO-2026-00053", lines: [createLine({ isContractLine: true })] });
    salesDb.orders = [order];
    renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });
    const link = await screen.findByRole("link", { name: "Créer un contrat" });
    expect(link).toHaveAttribute("href", `/contracts/new?orderId=${order.id}`);
    expect(screen.queryByTestId("contract-refusal")).not.toBeInTheDocument();
  });
});

describe("Home → the contracts' figures", () => {
  it("shows the recurring revenue, the revenue to come per month and the five nearest contracts to renew", async () => {
    const renewal = (n: number) => ({
      id: `00000000-0000-4000-c000-0000000000${10 + n}`,
      reference: `CT-0000${n}`,
      customerId: contractsDb.customer.id,
      customerName: "Imprimerie Lefèvre",
      ownerUserId: "00000000-0000-4000-c000-000000000099",
      currentTermEnd: "2026-12-31",
      daysLeft: 24,
      noticeDeadline: "2026-11-30",
      noticeDeadlinePassed: n === 1,
      willRenewTacitly: true,
      indexRevisionPending: false,
      revisionKind: "None" as const,
      renewalOpensOn: "2026-09-01",
      monthlyRecurringRevenue: 250,
    });
    dashboardDb.value = {
      ...emptyDashboard(),
      recurringRevenue: {
        today: "2026-12-07",
        monthlyRecurringRevenue: 1245.5,
        annualRecurringRevenue: 14946,
        activeContracts: 9,
        revenueToCome: [
          { month: "2026-12-01", amountExcludingVat: 1500 },
          { month: "2027-01-01", amountExcludingVat: 2745.5 },
        ],
      },
      contractsToRenew: { count: 6, nearest: [1, 2, 3, 4, 5, 6].map(renewal) },
    };
    renderApp("/");

    const recurring = await screen.findByTestId("dashboard-recurring-revenue");
    expect(plain(within(recurring).getByTestId("dashboard-mrr").textContent)).toBe("1 245,50 €");
    expect(plain(within(recurring).getByTestId("dashboard-arr").textContent)).toBe("14 946,00 €");
    expect(within(recurring).getByText(/9 contrats actifs/)).toBeInTheDocument();
    const toCome = within(recurring).getByRole("table", { name: "À facturer par mois" });
    expect(within(toCome).getByText("janvier 2027")).toBeInTheDocument();
    expect(plain(within(toCome).getByText(/2\s745,50/).textContent)).toBe("2 745,50 €");

    const toRenew = screen.getByTestId("dashboard-contracts-to-renew");
    expect(within(toRenew).getByTestId("contracts-to-renew-count")).toHaveTextContent("(6)");
    expect(within(toRenew).getByRole("link", { name: "CT-00001" })).toHaveAttribute("href", "/contracts/00000000-0000-4000-c000-000000000011");
    expect(within(toRenew).queryByRole("link", { name: "CT-00006" })).not.toBeInTheDocument();
    expect(within(toRenew).getByRole("link", { name: "Tout voir" })).toHaveAttribute("href", "/contracts/renewals");
  });

  it("shows no contract card when the API gives null (the user may not read contracts)", async () => {
    dashboardDb.value = { ...emptyDashboard(), recurringRevenue: null, contractsToRenew: null };
    renderApp("/");
    expect(await screen.findByTestId("dashboard-left-to-invoice")).toBeInTheDocument();
    expect(screen.queryByTestId("dashboard-recurring-revenue")).not.toBeInTheDocument();
    expect(screen.queryByTestId("dashboard-contracts-to-renew")).not.toBeInTheDocument();
  });
});

describe("Settings → « Factures de contrat »", () => {
  it("saves the company's choice of validated and sent period invoices with the settings' ETag", async () => {
    const saved: { body: unknown; ifMatch: string | null }[] = [];
    server.use(
      http.get("*/api/v1/contracts/billing-settings", () =>
        HttpResponse.json({ invoicing: "Draft", noticeReminderDays: 30, configured: true }, { headers: { ETag: '"3"' } }),
      ),
      http.put("*/api/v1/contracts/billing-settings", async ({ request }) => {
        saved.push({ body: await request.json(), ifMatch: request.headers.get("If-Match") });
        return HttpResponse.json({ invoicing: "ValidateAndSend", noticeReminderDays: 45, configured: true }, { headers: { ETag: '"4"' } });
      }),
    );
    const { user } = renderApp("/settings/contracts");

    await user.click(await screen.findByRole("radio", { name: /Validée et envoyée/ }));
    const days = screen.getByRole("textbox", { name: /^Rappel avant la date limite de préavis/ });
    await user.clear(days);
    await user.type(days, "45");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ body: { invoicing: "ValidateAndSend", noticeReminderDays: 45 }, ifMatch: '"3"' });
  });
});

describe("Navigation", () => {
  it("opens the contracts list from the menu, no longer the « coming soon » page", async () => {
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("link", { name: "Contrats" }));
    expect(await screen.findByText("Aucun contrat")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Nouveau contrat" })).toHaveAttribute("href", "/contracts/new");
    expect(screen.queryByText("Ce module arrive bientôt")).not.toBeInTheDocument();
  });
});
