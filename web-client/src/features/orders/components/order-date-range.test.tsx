import { screen } from "@testing-library/react";
import dayjs from "dayjs";
import "dayjs/locale/fr";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { createOrder, createSalesAdmin, salesDb } from "@/testing/sales-data";
import { salesDateRange, setupSalesApi } from "@/testing/sales-handlers";

setupSalesApi();

describe("Order date of a draft", () => {
  it("offers no date before the last validated order, which the validation would refuse, and says why", async () => {
    const first = dayjs().startOf("month");
    const earliest = first.add(1, "day");
    salesDateRange.value = { documentType: "Order", earliest: earliest.format("YYYY-MM-DD"), earliestReason: "LastNumberedDocument", latest: null };
    const order = createOrder({ orderDate: first.add(5, "day").format("YYYY-MM-DD") });
    salesDb.orders = [order];
    const { user } = renderApp(`/orders/${order.id}`, { user: createSalesAdmin() });

    expect(await screen.findByText(`Au plus tôt le ${earliest.format("DD/MM/YYYY")} : date de la dernière commande validée.`)).toHaveAttribute("data-testid", "order-date-range");
    await user.click(screen.getByRole("button", { name: "Date" }));
    const label = (d: dayjs.Dayjs) => d.locale("fr").format("D MMMM YYYY");
    expect(await screen.findByRole("button", { name: label(earliest) })).toBeEnabled();
    expect(document.querySelector(`button[aria-label="${label(first)}"]`)).toBeDisabled();
  });
});
