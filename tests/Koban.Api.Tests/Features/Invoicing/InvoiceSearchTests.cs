using System.Net;
using System.Text.Json;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Invoicing;

/// <summary>
/// The invoice list's <c>search</c>: any part of the number or of the order number (through the trigram-indexed number
/// search, <c>Sql.DocumentNumberSearch</c>) or of the customer's name, case-insensitive, wildcards taken literally, and
/// only the acting company's invoices — the same answers through the by-id plan and the sorted-walk plan.
/// </summary>
public sealed class InvoiceSearchTests : ApiTest
{
    private static async Task<List<Guid>> SearchAsync(HttpClient client, string search)
    {
        var response = await client.GetAsync($"/api/v1/invoices?limit=100&search={Uri.EscapeDataString(search)}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return [.. (await response.Json()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    private static async Task<JsonElement> DirectInvoiceAsync(HttpClient admin, Guid customerId, bool validate)
    {
        var draft = await SalesFlowTests.Post(admin, "/api/v1/invoices", new
        {
            customerId,
            lines = new[] { new { kind = "Free", description = "Conseil", quantity = 1m, unitCode = "C62", unitPrice = 100m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        return validate ? await SalesFlowTests.Post(admin, $"/api/v1/invoices/{draft.GetProperty("id").GetGuid()}/validate") : draft;
    }

    [Test]
    public async Task A_search_finds_any_part_of_a_number_an_order_number_or_a_customer_name_and_only_in_its_own_company()
    {
        var b = await InvoicingFlowTests.ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;
        var deposit = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Deposit", percentage = 30m }, HttpStatusCode.Created);
        deposit = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{deposit.GetProperty("id").GetGuid()}/validate");
        var depositId = deposit.GetProperty("id").GetGuid();
        var number = deposit.GetProperty("number").GetString()!;
        var orderNumber = deposit.GetProperty("orderNumber").GetString()!;
        var customerName = deposit.GetProperty("customerName").GetString()!;
        var (bois, _) = await CustomerTests.CreateAsync(admin, CustomerTests.Business("Atelier 100% Bois", "552100554", null));
        var direct = await DirectInvoiceAsync(admin, bois.GetProperty("id").GetGuid(), validate: true);
        var directId = direct.GetProperty("id").GetGuid();
        var draft = await DirectInvoiceAsync(admin, b.Catalog.CustomerId, validate: false);
        var draftId = draft.GetProperty("id").GetGuid();

        // Another company with an invoice of the same number and a customer of the same name: never seen.
        var other = await InvoicingFlowTests.ValidatedOrderAsync();
        var foreign = await SalesFlowTests.Post(other.Catalog.Company.Admin, "/api/v1/invoices/from-order", new { orderId = other.OrderId, kind = "Full" }, HttpStatusCode.Created);
        foreign = await SalesFlowTests.Post(other.Catalog.Company.Admin, $"/api/v1/invoices/{foreign.GetProperty("id").GetGuid()}/validate");
        foreign.GetProperty("number").GetString().ShouldBe(number, "both companies number their first invoice alike");

        async Task Check(HttpClient client, string plan)
        {
            (await SearchAsync(client, number)).ShouldBe([depositId], $"{plan}: the whole number");
            (await SearchAsync(client, number[3..].ToLowerInvariant())).ShouldBe([depositId], $"{plan}: a middle part, lower case");
            (await SearchAsync(client, orderNumber[^4..])).ShouldBe([depositId], $"{plan}: the end of the order number");
            (await SearchAsync(client, "100%")).ShouldBe([directId], $"{plan}: a percent sign in the name is a character");
            (await SearchAsync(client, "100_")).ShouldBeEmpty($"{plan}: an underscore is not a wildcard");
            (await SearchAsync(client, customerName.ToUpperInvariant())).ShouldBe([draftId, depositId], $"{plan}: the customer's name, newest first");
            (await SearchAsync(client, "introuvable")).ShouldBeEmpty();
        }

        await Check(admin, "by id");
        await using var dense = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(new() { ["Koban:Lists:SparseFilterLimit"] = "0" }));
        await Check(await SignInAsync(b.Catalog.Company.AdminEmail, Password, dense), "sorted walk");

        // A draft deleted leaves the number search with it; a validated draft is found by its new number at once.
        await (await admin.DeleteAsync($"/api/v1/invoices/{draftId}")).ShouldHaveStatus(HttpStatusCode.NoContent);
        (await SearchAsync(admin, customerName)).ShouldBe([depositId]);
        var later = await DirectInvoiceAsync(admin, b.Catalog.CustomerId, validate: true);
        (await SearchAsync(admin, later.GetProperty("number").GetString()!)).ShouldBe([later.GetProperty("id").GetGuid()]);
    }

    /// <summary>GIN's pending list would make every search read all numbers given since the last vacuum, unsorted
    /// (<c>Sql.DocumentNumberSearch.WithoutPendingListUp</c>): the index takes each new number directly.</summary>
    [Test]
    public async Task The_number_index_takes_each_new_number_directly_instead_of_queueing_it_for_every_search_to_read()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Factory.Database.Owner);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class WHERE relname = 'ix_billing_document_numbers_numbers'", connection);
        ((string?)await command.ExecuteScalarAsync()).ShouldBe("fastupdate=off");
    }
}
