import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/schema";
import { accountingSettingsKey } from "@/components/receivables/receivables-api";
import { problem } from "@/testing/handlers";
import { createInvoice, invoicingDb, setupInvoicingApi } from "@/testing/invoicing-handlers";
import { accountingSettings } from "@/testing/payments-handlers";
import { renderApp } from "@/testing/render";
import { createSalesAdmin } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";
import { server } from "@/testing/server";

setupSalesApi();
setupInvoicingApi();

type InvoicePayment = components["schemas"]["InvoicePaymentResponse"];

const euro = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

/**
 * A validated invoice and a fake of its payment side that remembers what was done to it (the panel refetches it
 * after every action, as it would from the real API). Returns what the dispute/write-off endpoints received.
 */
function seedInvoice(side: Partial<InvoicePayment> = {}) {
  const invoice = createInvoice({ kind: "Balance", title: "Facture", status: "Validated", number: "FA-2026-00040", issueDate: "2026-10-01", dueDate: "2026-10-31" });
  invoicingDb.invoices = [invoice];
  let state: InvoicePayment = { paymentStatus: "Unpaid", outstanding: 551.16, disputed: false, disputeReason: null, disputedAt: null, settlements: [], ...side };
  const sent = { disputes: [] as { id: string; body: unknown }[], undisputes: [] as string[], writeOffs: [] as { id: string; body: unknown }[] };
  const path = `*/api/v1/invoices/${invoice.id}`;
  server.use(
    http.get(`${path}/payments`, () => HttpResponse.json(state)),
    http.post("*/api/v1/invoices/:id/dispute", async ({ request, params }) => {
      const body = (await request.json()) as { reason: string };
      sent.disputes.push({ id: String(params.id), body });
      state = { ...state, disputed: true, disputeReason: body.reason, disputedAt: "2026-11-28T10:00:00Z" };
      return HttpResponse.json(state);
    }),
    http.delete("*/api/v1/invoices/:id/dispute", ({ params }) => {
      sent.undisputes.push(String(params.id));
      state = { ...state, disputed: false, disputeReason: null, disputedAt: null };
      return HttpResponse.json(state);
    }),
    http.post("*/api/v1/invoices/:id/write-off", async ({ request, params }) => {
      sent.writeOffs.push({ id: String(params.id), body: await request.json() });
      state = {
        ...state,
        paymentStatus: "Paid",
        outstanding: 0,
        settlements: [
          ...state.settlements,
          { allocationId: "alloc-wo", kind: "WriteOff", sourceId: "wo-1", reference: "Écart", date: "2026-11-28", amount: state.outstanding, active: true },
        ],
      };
      return HttpResponse.json(state);
    }),
  );
  return { invoice, sent };
}

describe("Invoices → payment panel: dispute", () => {
  it("requires a reason, sends it, then shows the badge and the reason; lifting the dispute sends DELETE and hides them", async () => {
    const { invoice, sent } = seedInvoice();
    const { user } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    const panel = await screen.findByLabelText("Paiement");
    expect(await within(panel).findByTestId("invoice-outstanding")).toBeInTheDocument();
    expect(within(panel).queryByTestId("disputed-badge")).not.toBeInTheDocument();
    expect(within(panel).queryByTestId("dispute-reason")).not.toBeInTheDocument();

    await user.click(within(panel).getByRole("button", { name: "Signaler un litige" }));
    const dialog = await screen.findByRole("dialog", { name: "Facture en litige" });
    // No reason: nothing is sent.
    await user.click(within(dialog).getByRole("button", { name: "Signaler un litige" }));
    expect(await within(dialog).findByText("Ce champ est obligatoire.")).toBeInTheDocument();
    expect(sent.disputes).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/^Motif du litige/), "  Étagère livrée rayée, le client refuse de payer  ");
    await user.click(within(dialog).getByRole("button", { name: "Signaler un litige" }));

    await waitFor(() => expect(sent.disputes).toHaveLength(1));
    expect(sent.disputes[0]).toEqual({ id: invoice.id, body: { reason: "Étagère livrée rayée, le client refuse de payer" } });
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Facture en litige" })).not.toBeInTheDocument());
    expect(await within(panel).findByTestId("disputed-badge")).toHaveTextContent("En litige");
    expect(within(panel).getByTestId("dispute-reason")).toHaveTextContent(
      "En litige : Étagère livrée rayée, le client refuse de payer — aucune relance n'est envoyée tant que le litige est ouvert.",
    );
    expect(within(panel).queryByRole("button", { name: "Signaler un litige" })).not.toBeInTheDocument();

    await user.click(within(panel).getByRole("button", { name: "Lever le litige" }));
    const confirm = await screen.findByRole("dialog", { name: "Lever le litige" });
    expect(confirm).toHaveTextContent("La facture reprendra le cycle normal des relances.");
    await user.click(within(confirm).getByRole("button", { name: "Confirmer" }));

    await waitFor(() => expect(sent.undisputes).toEqual([invoice.id]));
    await waitFor(() => expect(within(panel).queryByTestId("disputed-badge")).not.toBeInTheDocument());
    expect(within(panel).queryByTestId("dispute-reason")).not.toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Signaler un litige" })).toBeInTheDocument();

    // a new dispute starts from an empty reason, not the previous one
    await user.click(within(panel).getByRole("button", { name: "Signaler un litige" }));
    const again = await screen.findByRole("dialog", { name: "Facture en litige" });
    expect(within(again).getByLabelText(/^Motif du litige/)).toHaveValue("");
  });

  it("keeps the dialog open with the server's refusal, and leaves the invoice undisputed", async () => {
    const { invoice } = seedInvoice();
    server.use(http.post("*/api/v1/invoices/:id/dispute", () => problem(409, "invoice_paid", "La facture est déjà soldée.")));
    const { user } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    const panel = await screen.findByLabelText("Paiement");
    await user.click(await within(panel).findByRole("button", { name: "Signaler un litige" }));
    const dialog = await screen.findByRole("dialog", { name: "Facture en litige" });
    await user.type(within(dialog).getByLabelText(/^Motif du litige/), "Contestation");
    await user.click(within(dialog).getByRole("button", { name: "Signaler un litige" }));

    expect(await within(dialog).findByRole("alert")).toHaveTextContent("La facture est déjà soldée.");
    expect(within(panel).queryByTestId("disputed-badge")).not.toBeInTheDocument();
  });
});

describe("Invoices → payment panel: writing off a small rest", () => {
  it("is not offered when the outstanding is above the accounting settings' limit (5,01 € > 5 €)", async () => {
    const { invoice } = seedInvoice({ paymentStatus: "PartiallyPaid", outstanding: 5.01 });
    const { queryClient } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    const panel = await screen.findByLabelText("Paiement");
    await waitFor(() => expect(euro(within(panel).getByTestId("invoice-outstanding").textContent)).toBe("5,01 €"));
    // The limit is known (otherwise the button would be missing for want of it, not because of it).
    await waitFor(() => expect(queryClient.getQueryState(accountingSettingsKey)?.status).toBe("success"));
    // The other actions are there, so the panel is fully rendered with write rights.
    expect(within(panel).getByRole("button", { name: "Signaler un litige" })).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Passer le reste en perte" })).not.toBeInTheDocument();
  });

  it("is offered at the limit (5,00 €), confirms the amount, sends the write-off and shows the invoice settled", async () => {
    const { invoice, sent } = seedInvoice({ paymentStatus: "PartiallyPaid", outstanding: 5 });
    const { user } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    const panel = await screen.findByLabelText("Paiement");
    await user.click(await within(panel).findByRole("button", { name: "Passer le reste en perte" }));
    const dialog = await screen.findByRole("dialog", { name: "Passer le reste en perte" });
    expect(euro(dialog.textContent)).toContain("Le reste dû de 5,00 € sera comptabilisé en charge (658) et la facture soldée.");
    await user.click(within(dialog).getByRole("button", { name: "Confirmer" }));

    await waitFor(() => expect(sent.writeOffs).toHaveLength(1));
    expect(sent.writeOffs[0]).toEqual({ id: invoice.id, body: { date: null } });
    expect(await screen.findByText("Écart passé en perte.")).toBeInTheDocument();
    await waitFor(() => expect(euro(within(panel).getByTestId("invoice-outstanding").textContent)).toBe("0,00 €"));
    expect(within(panel).getByText("Payée")).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Passer le reste en perte" })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Passer le reste en perte" })).not.toBeInTheDocument());
  });

  it("follows the limit the settings give (10 €): a rest of 8,00 € can be written off", async () => {
    const { invoice } = seedInvoice({ paymentStatus: "PartiallyPaid", outstanding: 8 });
    server.use(
      http.get("*/api/v1/accounting/settings", () => HttpResponse.json({ ...accountingSettings, writeOffLimit: 10 }, { headers: { ETag: '"1"' } })),
    );
    renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    const panel = await screen.findByLabelText("Paiement");
    expect(await within(panel).findByRole("button", { name: "Passer le reste en perte" })).toBeInTheDocument();
  });
});
