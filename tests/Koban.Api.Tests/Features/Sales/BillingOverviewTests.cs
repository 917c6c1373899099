using System.Text.Json;
using Koban.Api.Tests.Features.Invoicing;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Sales;

public sealed class BillingOverviewTests : ApiTest
{
    private static async Task<JsonElement?> OverviewRow(HttpClient client, Guid orderId)
    {
        var overview = await (await client.GetAsync("/api/v1/billing-schedule")).Json();
        return overview.GetProperty("ordersLeftToInvoice").EnumerateArray().Where(o => o.GetProperty("orderId").GetGuid() == orderId).Cast<JsonElement?>().SingleOrDefault();
    }

    private static async Task<decimal> LeftOnOrder(HttpClient client, Guid orderId) =>
        (await (await client.GetAsync($"/api/v1/orders/{orderId}")).Json()).GetProperty("billing").GetProperty("leftToInvoiceExcludingVat").GetDecimal();

    [Test]
    public async Task The_orders_left_to_invoice_show_what_the_order_itself_says_and_a_fully_invoiced_order_leaves_the_list()
    {
        var b = await InvoicingFlowTests.ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;
        (await OverviewRow(admin, b.OrderId))!.Value.GetProperty("leftToInvoiceExcludingVat").GetDecimal().ShouldBe(1455.90m, "nothing invoiced yet");

        var deposit = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Deposit", percentage = 30m }, System.Net.HttpStatusCode.Created);
        await SalesFlowTests.Post(admin, $"/api/v1/invoices/{deposit.GetProperty("id").GetGuid()}/validate");
        var left = await LeftOnOrder(admin, b.OrderId);
        left.ShouldBe(1019.13m);
        (await OverviewRow(admin, b.OrderId))!.Value.GetProperty("leftToInvoiceExcludingVat").GetDecimal().ShouldBe(left, "the overview agrees with the order");

        var balance = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Balance" }, System.Net.HttpStatusCode.Created);
        await SalesFlowTests.Post(admin, $"/api/v1/invoices/{balance.GetProperty("id").GetGuid()}/validate");
        (await LeftOnOrder(admin, b.OrderId)).ShouldBe(0m);
        (await OverviewRow(admin, b.OrderId)).ShouldBeNull("a fully invoiced order has nothing left to invoice");
    }
}
