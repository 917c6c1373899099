import { screen, waitFor, within } from "@testing-library/react";
import dayjs from "dayjs";
import "dayjs/locale/fr";
import { describe, expect, it } from "vitest";
import { createInvoice, invoicingDb, setupInvoicingApi } from "@/testing/invoicing-handlers";
import { renderApp } from "@/testing/render";
import { createSalesAdmin } from "@/testing/sales-data";
import { setupSalesApi } from "@/testing/sales-handlers";

setupSalesApi();
setupInvoicingApi();

/** A day button of the open calendar, by the label Mantine gives it ("2 décembre 2026"). */
const day = (date: dayjs.Dayjs) => document.querySelector<HTMLButtonElement>(`button[aria-label="${date.locale("fr").format("D MMMM YYYY")}"]`);

describe("Validation date picker", () => {
  it("offers only the server's range and says why the earliest date is what it is", async () => {
    // Both bounds inside the current month, so the calendar opens on them whatever today is.
    const first = dayjs().startOf("month");
    const earliest = first.add(1, "day");
    const latest = first.add(20, "day");
    invoicingDb.issueDateRange = { documentType: "Invoice", earliest: earliest.format("YYYY-MM-DD"), earliestReason: "LastNumberedDocument", latest: latest.format("YYYY-MM-DD") };
    const invoice = createInvoice({ orderId: "o-1", orderNumber: "CO-2026-00031" });
    invoicingDb.invoices = [invoice];
    const { user } = renderApp(`/invoices/${invoice.id}`, { user: createSalesAdmin() });

    await user.click(await screen.findByRole("button", { name: "Valider" }));
    const dialog = await screen.findByRole("dialog", { name: "Valider la facture" });
    expect(await within(dialog).findByTestId("issue-date-range")).toHaveTextContent(
      `Au plus tôt le ${earliest.format("DD/MM/YYYY")} : date de la dernière facture. Au plus tard le ${latest.format("DD/MM/YYYY")} (aujourd'hui).`,
    );
    // The modal moves the focus into itself once its opening transition ends; on a loaded machine that can come after
    // the click below and close the calendar it opened. Wait for it first, as a user (who cannot click that fast) does.
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    await user.click(within(dialog).getByRole("button", { name: /Date du document/ }));

    expect(await screen.findByRole("button", { name: earliest.locale("fr").format("D MMMM YYYY") })).toBeEnabled();
    expect(day(first)).toBeDisabled();
    expect(day(latest)).toBeEnabled();
    expect(day(latest.add(1, "day"))).toBeDisabled();
  });
});
