using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Sales;

public sealed class QuoteAndOpportunityTests : ApiTest
{
    [Test]
    public async Task A_quote_is_numbered_only_when_sent_then_frozen_refused_duplicated_and_only_drafts_are_deleted()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var created = await c.Company.Admin.PostAsJsonAsync("/api/v1/quotes", new { customerId = c.CustomerId, validUntil = "2099-01-31", lines = SalesFlowTests.Lines(c.ProductId) });
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var quote = await created.Json();
        var id = quote.GetProperty("id").GetGuid();
        quote.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);
        quote.GetProperty("totals").GetProperty("totalExcludingVat").GetDecimal().ShouldBe(1455.90m);

        var sent = await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/quotes/{id}/send");
        sent.GetProperty("number").GetString()!.ShouldMatch(@"^DE-\d{4}-00001$");
        var etag = (await c.Company.Admin.GetAsync($"/api/v1/quotes/{id}")).Headers.ETag;
        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/quotes/{id}")
        {
            Content = JsonContent.Create(new { customerId = c.CustomerId, validUntil = "2099-01-31", lines = SalesFlowTests.Lines(c.ProductId).Take(2) }),
        }.WithIfMatch(etag);
        await (await c.Company.Admin.SendAsync(edit)).ShouldBeProblem(HttpStatusCode.Conflict, "document_frozen");
        await (await c.Company.Admin.DeleteAsync($"/api/v1/quotes/{id}")).ShouldBeProblem(HttpStatusCode.Conflict, "document_not_deletable");

        var refused = await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/quotes/{id}/refuse", new { reason = "Trop cher" });
        refused.GetProperty("status").GetString().ShouldBe("Refused");
        refused.GetProperty("refusalReason").GetString().ShouldBe("Trop cher");
        await (await c.Company.Admin.PostAsync($"/api/v1/quotes/{id}/accept", null)).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");

        var copy = await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/quotes/{id}/duplicate", new { validUntil = "2099-06-30" }, HttpStatusCode.Created);
        copy.GetProperty("status").GetString().ShouldBe("Draft");
        copy.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);
        copy.GetProperty("lines").GetArrayLength().ShouldBe(3);
        copy.GetProperty("validUntil").GetString().ShouldBe("2099-06-30");
        await (await c.Company.Admin.DeleteAsync($"/api/v1/quotes/{copy.GetProperty("id").GetGuid()}")).ShouldHaveStatus(HttpStatusCode.NoContent);

        var next = await c.Company.Admin.PostAsJsonAsync("/api/v1/quotes", new { customerId = c.CustomerId, validUntil = "2099-01-31", lines = SalesFlowTests.Lines(c.ProductId) });
        var nextSent = await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/quotes/{(await next.Json()).GetProperty("id").GetGuid()}/send");
        nextSent.GetProperty("number").GetString()!.ShouldEndWith("-00002", Case.Sensitive, "the deleted draft never had a number");
    }

    [Test]
    public async Task A_quote_without_a_priced_line_cannot_be_sent_and_an_accepted_quote_makes_one_order_only()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var empty = await (await c.Company.Admin.PostAsJsonAsync("/api/v1/quotes", new { customerId = c.CustomerId, validUntil = "2099-01-31", lines = new[] { new { kind = "Comment", description = "À définir" } } })).Json();
        await (await c.Company.Admin.PostAsync($"/api/v1/quotes/{empty.GetProperty("id").GetGuid()}/send", null)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "document_has_no_priced_line");

        var quoteId = await SalesFlowTests.AcceptedQuoteAsync(c, null);
        var order = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/orders/from-quote", new { quoteId }, HttpStatusCode.Created);
        order.GetProperty("traceableToQuote").GetBoolean().ShouldBeTrue();
        order.GetProperty("linkedDocuments")[0].GetProperty("kind").GetString().ShouldBe("Quote");
        await (await c.Company.Admin.PostAsJsonAsync("/api/v1/orders/from-quote", new { quoteId })).ShouldBeProblem(HttpStatusCode.Conflict, "quote_already_ordered");
    }

    [Test]
    public async Task An_opportunity_is_lost_with_a_reason_reopened_and_edited_only_while_open()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var created = await c.Company.Admin.PostAsJsonAsync("/api/v1/opportunities", new { customerId = c.CustomerId, title = "Cuisine", expectedAmount = 8000m, expectedCloseDate = "2099-03-01" });
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var id = (await created.Json()).GetProperty("id").GetGuid();
        await (await c.Company.Admin.PostAsJsonAsync($"/api/v1/opportunities/{id}/lose", new { reason = " " })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "lost_reason_required");
        var lost = await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/opportunities/{id}/lose", new { reason = "Concurrent moins cher" });
        lost.GetProperty("stage").GetString().ShouldBe("Lost");
        var etag = (await c.Company.Admin.GetAsync($"/api/v1/opportunities/{id}")).Headers.ETag;
        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/opportunities/{id}") { Content = JsonContent.Create(new { customerId = c.CustomerId, title = "Cuisine v2", expectedAmount = 9000m }) }.WithIfMatch(etag);
        await (await c.Company.Admin.SendAsync(edit)).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        (await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/opportunities/{id}/reopen")).GetProperty("stage").GetString().ShouldBe("Open");
        var list = await (await c.Company.Admin.GetAsync("/api/v1/opportunities?search=cuisine&stage=Open")).Json();
        list.GetProperty("items").EnumerateArray().Single().GetProperty("customerName").GetString().ShouldBe("Menuiserie Durand SARL");
    }

    [Test]
    public async Task Expand_customer_embeds_the_customer_in_orders_and_quotes_and_unknown_expansions_are_refused()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var order = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created);
        await SalesFlowTests.AcceptedQuoteAsync(c, null);
        var plain = await (await c.Company.Admin.GetAsync("/api/v1/orders")).Json();
        plain.GetProperty("items")[0].GetProperty("customer").ValueKind.ShouldBe(JsonValueKind.Null);
        var orders = await (await c.Company.Admin.GetAsync("/api/v1/orders?expand=customer")).Json();
        orders.GetProperty("items")[0].GetProperty("customer").GetProperty("billingContactEmail").GetString().ShouldBe("claire@durand.fr");
        var one = await (await c.Company.Admin.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}?expand=customer")).Json();
        one.GetProperty("customer").GetProperty("accountingCode").GetString().ShouldBe("411MENUISE");
        var quotes = await (await c.Company.Admin.GetAsync("/api/v1/quotes?expand=customer")).Json();
        quotes.GetProperty("items")[0].GetProperty("customer").GetProperty("name").GetString().ShouldBe("Menuiserie Durand SARL");
        await (await c.Company.Admin.GetAsync("/api/v1/orders?expand=lines,secrets")).ShouldBeProblem(HttpStatusCode.BadRequest, "expand_unknown");
    }

    [Test]
    public async Task Sending_a_validated_orders_lines_back_unchanged_is_accepted_even_after_the_product_price_changed()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var (german, _) = await Customers.CustomerTests.CreateAsync(c.Company.Admin, Customers.CustomerTests.Business(name: "Brauerei Müller GmbH", siren: null, vat: "DE123456789", country: "DE"));
        var lines = new object[]
        {
            new { kind = "Product", productId = c.ProductId, quantity = 2m },
            new { kind = "Free", description = "Étagère", quantity = 1m, unitPrice = 100m, vatRate = 20m, nature = "Goods" },
        };
        var order = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/orders", new { customerId = german.GetProperty("id").GetGuid(), lines }, HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/orders/{id}/validate");
        var product = await c.Company.Admin.GetAsync($"/api/v1/products/{c.ProductId}");
        var reprice = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{c.ProductId}") { Content = JsonContent.Create(Products.ProductTests.Product(price: 99m)) }.WithIfMatch(product.Headers.ETag);
        await (await c.Company.Admin.SendAsync(reprice)).ShouldHaveStatus(HttpStatusCode.OK);

        var etag = (await c.Company.Admin.GetAsync($"/api/v1/orders/{id}")).Headers.ETag;
        var sameLines = new object[]
        {
            new { kind = "Product", productId = c.ProductId, quantity = 2m },
            new { kind = "Free", description = "Étagère", quantity = 1m, unitPrice = 100m, vatRate = 20m },
        };
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orders/{id}")
        {
            Content = JsonContent.Create(new { customerId = german.GetProperty("id").GetGuid(), orderDate = order.GetProperty("orderDate").GetString(), paymentTerms = new { kind = "Days", days = 30 }, customerReference = "PO-77", lines = sameLines }),
        }.WithIfMatch(etag);
        var saved = await c.Company.Admin.SendAsync(update);
        await saved.ShouldHaveStatus(HttpStatusCode.OK);
        var body = await saved.Json();
        body.GetProperty("customerReference").GetString().ShouldBe("PO-77");
        body.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal().ShouldBe(65m, "the order keeps the price it was validated with");
        body.GetProperty("lines")[1].GetProperty("vatCategory").GetString().ShouldBe("IntraCommunitySupply");
    }

    [Test]
    public async Task An_accountant_reads_sales_documents_but_cannot_create_them()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var (accountant, _, _) = await NewUserAsync(c.Company, "Accountant");
        await (await accountant.PostAsJsonAsync("/api/v1/orders", new { customerId = c.CustomerId, lines = SalesFlowTests.Lines(c.ProductId) })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await accountant.GetAsync("/api/v1/orders")).ShouldHaveStatus(HttpStatusCode.OK);
    }
}
