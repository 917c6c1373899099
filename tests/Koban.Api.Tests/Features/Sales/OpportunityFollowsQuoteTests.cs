using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Sales;

/// <summary>
/// The opportunity follows its quote (issue 11): accepting the quote or making its order wins the opportunity, a
/// refusal leaves it open, and "Gagner" after the order exists links to it instead of failing — once, even when two
/// requests race.
/// </summary>
public sealed class OpportunityFollowsQuoteTests : ApiTest
{
    private static async Task<(SalesFlowTests.Catalog Catalog, Guid OpportunityId, Guid QuoteId)> SentQuoteAsync()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var opportunity = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/opportunities", new { customerId = c.CustomerId, title = "Agencement boutique", expectedAmount = 1500m }, HttpStatusCode.Created);
        var opportunityId = opportunity.GetProperty("id").GetGuid();
        var quote = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/quotes", new { customerId = c.CustomerId, opportunityId, validUntil = "2099-12-31", lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created);
        var quoteId = quote.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/quotes/{quoteId}/send");
        return (c, opportunityId, quoteId);
    }

    private static async Task<JsonElement> OpportunityAsync(HttpClient client, Guid id) => await (await client.GetAsync($"/api/v1/opportunities/{id}")).Json();

    private static async Task<int> OrderCountAsync(HttpClient client) => (await (await client.GetAsync("/api/v1/orders?limit=100")).Json()).GetProperty("items").GetArrayLength();

    [Test]
    public async Task Accepting_the_quote_wins_the_opportunity_with_its_amount_and_Gagner_then_links_the_order_made_from_it()
    {
        var (c, opportunityId, quoteId) = await SentQuoteAsync();
        var admin = c.Company.Admin;

        await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/accept");

        var won = await OpportunityAsync(admin, opportunityId);
        won.GetProperty("stage").GetString().ShouldBe("Won");
        won.GetProperty("expectedAmount").GetDecimal().ShouldBe(1455.90m, "the amount won is the accepted quote's total excluding VAT");
        won.GetProperty("closedOn").ValueKind.ShouldBe(JsonValueKind.String);
        var events = await (await admin.GetAsync($"/api/v1/audit-events?entityId={opportunityId}")).Json();
        var audit = events.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "opportunity.won");
        audit.GetProperty("after").GetProperty("quoteId").GetGuid().ShouldBe(quoteId);

        var order = await SalesFlowTests.Post(admin, "/api/v1/orders/from-quote", new { quoteId }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        (await OpportunityAsync(admin, opportunityId)).GetProperty("quotes")[0].GetProperty("orderId").GetGuid().ShouldBe(orderId);

        var again = await SalesFlowTests.Post(admin, $"/api/v1/opportunities/{opportunityId}/win", new { });
        again.GetProperty("orderId").GetGuid().ShouldBe(orderId, "\"Gagner\" links the order that exists");
        again.GetProperty("opportunity").GetProperty("stage").GetString().ShouldBe("Won");
        (await OrderCountAsync(admin)).ShouldBe(1);
        var after = await (await admin.GetAsync($"/api/v1/audit-events?entityId={opportunityId}")).Json();
        after.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "opportunity.won").ShouldBe(1, "a second win changes nothing");
    }

    [Test]
    public async Task Creating_the_order_of_the_quote_wins_an_opportunity_reopened_after_the_acceptance()
    {
        var (c, opportunityId, quoteId) = await SentQuoteAsync();
        var admin = c.Company.Admin;
        await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/accept");
        (await SalesFlowTests.Post(admin, $"/api/v1/opportunities/{opportunityId}/reopen")).GetProperty("stage").GetString().ShouldBe("Open");

        var order = await SalesFlowTests.Post(admin, "/api/v1/orders/from-quote", new { quoteId }, HttpStatusCode.Created);

        var opportunity = await OpportunityAsync(admin, opportunityId);
        opportunity.GetProperty("stage").GetString().ShouldBe("Won");
        opportunity.GetProperty("quotes")[0].GetProperty("orderId").GetGuid().ShouldBe(order.GetProperty("id").GetGuid());
        // A second order of the same quote is still refused; "Gagner" is the idempotent path.
        await (await admin.PostAsJsonAsync("/api/v1/orders/from-quote", new { quoteId })).ShouldBeProblem(HttpStatusCode.Conflict, "quote_already_ordered");
        (await SalesFlowTests.Post(admin, $"/api/v1/opportunities/{opportunityId}/win", new { })).GetProperty("orderId").GetGuid().ShouldBe(order.GetProperty("id").GetGuid());
    }

    [Test]
    public async Task A_refused_quote_leaves_its_opportunity_open()
    {
        var (c, opportunityId, quoteId) = await SentQuoteAsync();

        await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/quotes/{quoteId}/refuse", new { reason = "Trop cher" });

        var opportunity = await OpportunityAsync(c.Company.Admin, opportunityId);
        opportunity.GetProperty("stage").GetString().ShouldBe("Open");
        opportunity.GetProperty("expectedAmount").GetDecimal().ShouldBe(1500m);
    }

    [Test]
    public async Task Two_Gagner_at_once_make_one_order_and_both_answer_it()
    {
        var (c, opportunityId, quoteId) = await SentQuoteAsync();
        var admin = c.Company.Admin;
        var second = await SignInAsync(c.Company.AdminEmail, Password);
        await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/accept");

        var answers = await Task.WhenAll(
            admin.PostAsJsonAsync($"/api/v1/opportunities/{opportunityId}/win", new { }),
            second.PostAsJsonAsync($"/api/v1/opportunities/{opportunityId}/win", new { }));

        foreach (var answer in answers) await answer.ShouldHaveStatus(HttpStatusCode.OK);
        var orderIds = await Task.WhenAll(answers.Select(async a => (await a.Json()).GetProperty("orderId").GetGuid()));
        orderIds.Distinct().Count().ShouldBe(1);
        (await OrderCountAsync(admin)).ShouldBe(1);
        (await (await admin.GetAsync($"/api/v1/quotes/{quoteId}")).Json()).GetProperty("orderId").GetGuid().ShouldBe(orderIds[0]);
    }

    [Test]
    public async Task Gagner_racing_the_order_from_the_quote_makes_one_order()
    {
        var (c, opportunityId, quoteId) = await SentQuoteAsync();
        var admin = c.Company.Admin;
        var second = await SignInAsync(c.Company.AdminEmail, Password);
        await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/accept");

        var answers = await Task.WhenAll(
            admin.PostAsJsonAsync($"/api/v1/opportunities/{opportunityId}/win", new { }),
            second.PostAsJsonAsync("/api/v1/orders/from-quote", new { quoteId }));

        await answers[0].ShouldHaveStatus(HttpStatusCode.OK);
        answers[1].StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
        (await OrderCountAsync(admin)).ShouldBe(1);
        (await answers[0].Json()).GetProperty("orderId").GetGuid().ShouldBe((await (await admin.GetAsync($"/api/v1/quotes/{quoteId}")).Json()).GetProperty("orderId").GetGuid());
        (await OpportunityAsync(admin, opportunityId)).GetProperty("stage").GetString().ShouldBe("Won");
    }
}
