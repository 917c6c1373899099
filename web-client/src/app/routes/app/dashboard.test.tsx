import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createMe } from "@/testing/data";
import { dashboardDb, emptyDashboard } from "@/testing/dashboard-handlers";
import { renderApp } from "@/testing/render";

const euro = (text: string | null | undefined) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

const invoiceId = "00000000-0000-4000-b000-0000000000a1";
const orderId = "00000000-0000-4000-b000-0000000000b1";

function seed() {
  const base = emptyDashboard();
  dashboardDb.value = {
    ...base,
    revenue: {
      currentMonth: 4210,
      previousMonth: 12850.5,
      last12Months: 96420.75,
      months: base.revenue!.months.map((m, i) => ({ ...m, amountExcludingVat: i === 11 ? 4210 : i === 10 ? 12850.5 : 7214.57 })),
    },
    leftToInvoice: { amountExcludingVat: 18345.9, orders: 4 },
    overdue: {
      totalOutstanding: 2422.96,
      count: 2,
      oldest: [
        {
          invoiceId,
          number: "FA-2026-00037",
          customerId: "00000000-0000-4000-b000-0000000000c1",
          customerName: "Boulangerie Martin",
          issueDate: "2026-09-02",
          dueDate: "2026-10-02",
          total: 1800,
          outstanding: 1800,
          paymentStatus: "Unpaid",
          daysLate: 66,
          bucket: "Days61To90",
          disputed: false,
          disputeReason: null,
        },
      ],
    },
    aging: { notDue: 2400, days1To30: 622.96, days31To60: 0, days61To90: 1800, over90: 0, total: 4822.96, disputed: 0, openInvoices: 3 },
    milestones: [
      {
        orderId,
        orderNumber: "CO-2026-00031",
        customerName: "Menuiserie Durand SARL",
        milestoneId: "00000000-0000-4000-b000-0000000000d1",
        label: "Solde à la livraison",
        plannedDate: "2027-01-12",
        amountExcludingVat: 1019.13,
        isLate: false,
      },
    ],
    activity: [
      {
        id: "00000000-0000-4000-b000-0000000000e1",
        occurredAt: "2026-12-07T09:15:00Z",
        actorName: "Anne Comptable",
        action: "invoice.validated",
        entityType: "invoice",
        entityId: invoiceId,
        documentLabel: "FA-2026-00037",
        summary: "Anne Comptable a validé la facture FA-2026-00037",
      },
    ],
  };
}

describe("Home → dashboard", () => {
  it("shows the figures in French formats, each linking to its filtered list", async () => {
    seed();
    renderApp("/");

    const month = await screen.findByTestId("dashboard-revenue-month");
    expect(euro(month.textContent)).toContain("4 210,00 €");
    expect(euro(month.textContent)).toContain("−67,2 % par rapport au mois précédent (12 850,50 €)");
    expect(month).toHaveAttribute("href", "/invoices?status=Validated&issuedFrom=2026-11-01&issuedTo=2026-11-30");
    expect(euro(screen.getByTestId("dashboard-revenue-12").textContent)).toContain("96 420,75 €");
    const left = screen.getByTestId("dashboard-left-to-invoice");
    expect(euro(left.textContent)).toContain("18 345,90 €");
    expect(left.textContent).toContain("4 commandes en cours");
    expect(left).toHaveAttribute("href", "/orders?leftToInvoice=true");
    const overdue = screen.getByTestId("dashboard-overdue");
    expect(euro(overdue.textContent)).toContain("2 422,96 €");
    expect(overdue).toHaveAttribute("href", "/invoices?overdue=true");

    const oldest = screen.getByRole("table", { name: "Les plus anciennes factures en retard" });
    expect(within(oldest).getByRole("link", { name: "FA-2026-00037" })).toHaveAttribute("href", `/invoices/${invoiceId}`);
    expect(oldest.textContent).toContain("66 jours de retard");
    const aging = screen.getByRole("table", { name: "Balance âgée" });
    expect(within(aging).getByRole("link", { name: "61–90 j" })).toHaveAttribute("href", "/receivables?tab=overdue&bucket=Days61To90");
    expect(euro(aging.textContent)).toContain("4 822,96 €");
    expect(screen.getByRole("link", { name: "CO-2026-00031" })).toHaveAttribute("href", `/orders/${orderId}`);
    expect(screen.getByRole("link", { name: "Anne Comptable a validé la facture FA-2026-00037" })).toHaveAttribute("href", `/invoices/${invoiceId}`);
  });

  it("clicking the overdue figure opens the invoices list filtered on overdue invoices", async () => {
    seed();
    const { user, router } = renderApp("/");
    await user.click(await screen.findByTestId("dashboard-overdue"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/invoices"));
    expect(router.state.location.search).toBe("?overdue=true");
    expect(await screen.findByRole("checkbox", { name: "En retard uniquement" })).toBeChecked();
  });

  it("leaves out the parts the API withholds from the role", async () => {
    seed();
    dashboardDb.value = { ...dashboardDb.value, activity: null, revenue: null };
    renderApp("/", { user: createMe({ role: "Sales", permissions: ["company:read", "orders:read"] }) });
    expect(await screen.findByTestId("dashboard-left-to-invoice")).toBeInTheDocument();
    expect(screen.queryByTestId("dashboard-revenue-month")).not.toBeInTheDocument();
    expect(screen.queryByText("Activité récente")).not.toBeInTheDocument();
  });
});
