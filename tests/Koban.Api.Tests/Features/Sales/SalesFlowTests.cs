using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Products;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Sales;

public sealed class SalesFlowTests : ApiTest
{
    internal sealed record Catalog(TestCompany Company, Guid CustomerId, Guid ProductId);

    internal static async Task<Catalog> CatalogAsync(ApiFactory? factory = null)
    {
        var company = await NewCompanyAsync(factory: factory);
        var (customer, _) = await CustomerTests.CreateAsync(company.Admin, CustomerTests.Business());
        var product = await (await company.Admin.PostAsJsonAsync("/api/v1/products", ProductTests.Product(price: 65m))).Json();
        return new Catalog(company, customer.GetProperty("id").GetGuid(), product.GetProperty("id").GetGuid());
    }

    internal static object[] Lines(Guid productId) =>
    [
        new { kind = "Title", description = "Agencement" },
        new { kind = "Product", productId, quantity = 12m },
        new { kind = "Free", description = "Étagère chêne massif", quantity = 2m, unitCode = "C62", unitPrice = 375.5m, discountPercent = 10m, vatRate = 20m, nature = "Goods" },
    ];

    internal static async Task<JsonElement> Post(HttpClient client, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(path, body ?? new { });
        await response.ShouldHaveStatus(expected);
        return await response.Json();
    }

    internal static async Task<Guid> AcceptedQuoteAsync(Catalog c, Guid? opportunityId)
    {
        var quote = await Post(c.Company.Admin, "/api/v1/quotes", new { customerId = c.CustomerId, opportunityId, validUntil = "2099-12-31", lines = Lines(c.ProductId) }, HttpStatusCode.Created);
        var id = quote.GetProperty("id").GetGuid();
        await Post(c.Company.Admin, $"/api/v1/quotes/{id}/send");
        await Post(c.Company.Admin, $"/api/v1/quotes/{id}/accept");
        return id;
    }

    [Test]
    public async Task Winning_an_opportunity_with_an_accepted_quote_gives_a_draft_order_with_identical_lines_validation_freezes_prices_but_not_the_PO_reference()
    {
        var c = await CatalogAsync();
        var opportunity = await Post(c.Company.Admin, "/api/v1/opportunities", new { customerId = c.CustomerId, title = "Agencement boutique", expectedAmount = 1500m }, HttpStatusCode.Created);
        var opportunityId = opportunity.GetProperty("id").GetGuid();
        var quoteId = await AcceptedQuoteAsync(c, opportunityId);
        var quote = await (await c.Company.Admin.GetAsync($"/api/v1/quotes/{quoteId}")).Json();
        quote.GetProperty("number").GetString().ShouldStartWith("DE-");

        var won = await Post(c.Company.Admin, $"/api/v1/opportunities/{opportunityId}/win", new { });
        won.GetProperty("opportunity").GetProperty("stage").GetString().ShouldBe("Won");
        var orderId = won.GetProperty("orderId").GetGuid();

        var get = await c.Company.Admin.GetAsync($"/api/v1/orders/{orderId}");
        var order = await get.Json();
        order.GetProperty("status").GetString().ShouldBe("Draft");
        order.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);
        order.GetProperty("sourceQuoteId").GetGuid().ShouldBe(quoteId);
        string Shape(JsonElement l) => $"{l.GetProperty("kind")}|{l.GetProperty("description")}|{l.GetProperty("quantity")}|{l.GetProperty("unitPrice")}|{l.GetProperty("discountPercent")}|{l.GetProperty("vatRate")}|{l.GetProperty("netAmount")}";
        order.GetProperty("lines").EnumerateArray().Select(Shape).ShouldBe(quote.GetProperty("lines").EnumerateArray().Select(Shape));
        order.GetProperty("totals").GetProperty("totalIncludingVat").GetDecimal().ShouldBe(1747.08m);
        (await (await c.Company.Admin.GetAsync($"/api/v1/quotes/{quoteId}")).Json()).GetProperty("orderId").GetGuid().ShouldBe(orderId, "the link shows both ways");

        var validated = await Post(c.Company.Admin, $"/api/v1/orders/{orderId}/validate");
        validated.GetProperty("number").GetString()!.ShouldMatch(@"^CO-\d{4}-00001$");
        validated.GetProperty("billing").GetProperty("leftToInvoiceExcludingVat").GetDecimal().ShouldBe(1455.90m);

        var etag = (await c.Company.Admin.GetAsync($"/api/v1/orders/{orderId}")).Headers.ETag;
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(validated.GetRawText())!;
        var lines = validated.GetProperty("lines").EnumerateArray().Select(l => new
        {
            kind = l.GetProperty("kind").GetString(),
            productId = l.GetProperty("productId").ValueKind == JsonValueKind.Null ? (Guid?)null : l.GetProperty("productId").GetGuid(),
            description = l.GetProperty("description").GetString(),
            quantity = l.GetProperty("quantity").GetDecimal(),
            unitCode = l.GetProperty("unitCode").ValueKind == JsonValueKind.Null ? null : l.GetProperty("unitCode").GetString(),
            unitPrice = l.GetProperty("unitPrice").GetDecimal(),
            discountPercent = l.GetProperty("discountPercent").GetDecimal(),
            vatRate = l.GetProperty("vatRate").GetDecimal(),
        }).ToList();
        object Update(decimal secondPrice, string reference) => new
        {
            customerId = c.CustomerId,
            orderDate = validated.GetProperty("orderDate").GetString(),
            paymentTerms = new { kind = "Days", days = 30 },
            paymentMethod = "BankTransfer",
            customerReference = reference,
            lines = lines.Select((l, i) => i == 1 ? l with { unitPrice = secondPrice } : l).ToList(),
        };

        var priceChange = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orders/{orderId}") { Content = JsonContent.Create(Update(70m, "BC-1")) }.WithIfMatch(etag);
        var refused = await (await c.Company.Admin.SendAsync(priceChange)).ShouldBeProblem(HttpStatusCode.Conflict, "document_frozen");
        refused.GetProperty("errors").TryGetProperty("lines[1].unitPrice", out _).ShouldBeTrue(refused.ToString());
        refused.GetProperty("detail").GetString().ShouldBe("Le document est validé : on ne peut plus modifier le prix unitaire de la ligne 2. Pour le corriger, annulez la commande et ressaisissez-la.");

        var referenceChange = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orders/{orderId}") { Content = JsonContent.Create(Update(65m, "BC-2026-118")) }.WithIfMatch(etag);
        var accepted = await c.Company.Admin.SendAsync(referenceChange);
        await accepted.ShouldHaveStatus(HttpStatusCode.OK);
        var after = await accepted.Json();
        after.GetProperty("customerReference").GetString().ShouldBe("BC-2026-118");
        after.GetProperty("lines")[1].GetProperty("unitPrice").GetDecimal().ShouldBe(65m);
        after.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ShouldBe(["order.created", "order.validated", "order.updated"]);
    }

    [Test]
    public async Task With_several_accepted_quotes_the_caller_names_one_and_without_quote_the_order_is_empty()
    {
        var c = await CatalogAsync();
        var opportunity = (await Post(c.Company.Admin, "/api/v1/opportunities", new { customerId = c.CustomerId, title = "Deux devis", expectedAmount = 0m }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var first = await AcceptedQuoteAsync(c, opportunity);
        await AcceptedQuoteAsync(c, opportunity);
        var ambiguous = await c.Company.Admin.PostAsJsonAsync($"/api/v1/opportunities/{opportunity}/win", new { });
        await ambiguous.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "quote_choice_required");
        var won = await Post(c.Company.Admin, $"/api/v1/opportunities/{opportunity}/win", new { quoteId = first });
        (await (await c.Company.Admin.GetAsync($"/api/v1/orders/{won.GetProperty("orderId").GetGuid()}")).Json()).GetProperty("sourceQuoteId").GetGuid().ShouldBe(first);

        var bare = (await Post(c.Company.Admin, "/api/v1/opportunities", new { customerId = c.CustomerId, title = "Sans devis", expectedAmount = 0m }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var empty = await Post(c.Company.Admin, $"/api/v1/opportunities/{bare}/win", new { });
        var emptyOrder = await (await c.Company.Admin.GetAsync($"/api/v1/orders/{empty.GetProperty("orderId").GetGuid()}")).Json();
        emptyOrder.GetProperty("lines").GetArrayLength().ShouldBe(0);
        emptyOrder.GetProperty("traceableToQuote").GetBoolean().ShouldBeFalse();

        var third = (await Post(c.Company.Admin, "/api/v1/opportunities", new { customerId = c.CustomerId, title = "Sans commande", expectedAmount = 0m }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await Post(c.Company.Admin, $"/api/v1/opportunities/{third}/win", new { createOrder = false })).GetProperty("orderId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task Validation_checks_priced_lines_and_billing_address_and_a_refusal_burns_no_number()
    {
        var c = await CatalogAsync();
        var (noAddress, _) = await CustomerTests.CreateAsync(c.Company.Admin, new { kind = "Individual", name = "Jeanne Petit", countryCode = "FR" });
        var empty = await Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = new[] { new { kind = "Title", description = "Rien" } } }, HttpStatusCode.Created);
        await (await c.Company.Admin.PostAsync($"/api/v1/orders/{empty.GetProperty("id").GetGuid()}/validate", null)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "document_has_no_priced_line");
        var homeless = await Post(c.Company.Admin, "/api/v1/orders", new { customerId = noAddress.GetProperty("id").GetGuid(), lines = Lines(c.ProductId) }, HttpStatusCode.Created);
        await (await c.Company.Admin.PostAsync($"/api/v1/orders/{homeless.GetProperty("id").GetGuid()}/validate", null)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "customer_billing_address_missing");

        var zeroRated = await c.Company.Admin.PostAsJsonAsync("/api/v1/orders", new
        {
            customerId = c.CustomerId,
            lines = new object[]
            {
                new { kind = "Title", description = "Formation" },
                new { kind = "Free", description = "Session de formation", quantity = 1m, unitPrice = 500m, vatRate = 0m },
            },
        });
        var zeroProblem = await zeroRated.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "vat_exemption_reason_required");
        zeroProblem.GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("lines[1].vatExemptionReason", "the refusal names the line");

        var good = await Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = Lines(c.ProductId) }, HttpStatusCode.Created);
        good.GetProperty("traceableToQuote").GetBoolean().ShouldBeFalse();
        (await Post(c.Company.Admin, $"/api/v1/orders/{good.GetProperty("id").GetGuid()}/validate")).GetProperty("number").GetString().ShouldEndWith("-00001");
        await (await c.Company.Admin.PostAsync($"/api/v1/orders/{good.GetProperty("id").GetGuid()}/validate", null)).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        await (await c.Company.Admin.DeleteAsync($"/api/v1/orders/{good.GetProperty("id").GetGuid()}")).ShouldBeProblem(HttpStatusCode.Conflict, "document_not_deletable");
        await (await c.Company.Admin.DeleteAsync($"/api/v1/orders/{empty.GetProperty("id").GetGuid()}")).ShouldHaveStatus(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task A_validated_order_is_cancelled_with_a_reason_or_closed_and_every_transition_is_audited()
    {
        var c = await CatalogAsync();
        var order = await Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = Lines(c.ProductId) }, HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        await Post(c.Company.Admin, $"/api/v1/orders/{id}/validate");
        await (await c.Company.Admin.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { reason = "" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "cancellation_reason_required");
        var cancelled = await Post(c.Company.Admin, $"/api/v1/orders/{id}/cancel", new { reason = "Saisie en double" });
        cancelled.GetProperty("status").GetString().ShouldBe("Cancelled");
        await (await c.Company.Admin.PostAsync($"/api/v1/orders/{id}/close", null)).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        cancelled.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ShouldBe(["order.created", "order.validated", "order.cancelled"]);

        var other = await Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = Lines(c.ProductId) }, HttpStatusCode.Created);
        await Post(c.Company.Admin, $"/api/v1/orders/{other.GetProperty("id").GetGuid()}/validate");
        (await Post(c.Company.Admin, $"/api/v1/orders/{other.GetProperty("id").GetGuid()}/close")).GetProperty("status").GetString().ShouldBe("Closed");
    }

    [Test]
    public async Task The_preview_computes_totals_per_rate_as_the_rules_say_without_saving()
    {
        var c = await CatalogAsync();
        var preview = await Post(c.Company.Admin, "/api/v1/orders/preview", new
        {
            customerId = c.CustomerId,
            lines = new object[]
            {
                new { kind = "Free", description = "A", quantity = 3m, unitPrice = 0.335m, vatRate = 20m },
                new { kind = "Free", description = "B", quantity = 1m, unitPrice = 0.335m, vatRate = 20m },
                new { kind = "Free", description = "Livre", quantity = 1m, unitPrice = 19.99m, vatRate = 5.5m, nature = "Goods" },
            },
        });
        preview.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("netAmount").GetDecimal()).ShouldBe([1.01m, 0.34m, 19.99m]);
        var totals = preview.GetProperty("totals");
        totals.GetProperty("totalExcludingVat").GetDecimal().ShouldBe(21.34m);
        totals.GetProperty("vatBreakdown").EnumerateArray().Select(b => (b.GetProperty("rate").GetDecimal(), b.GetProperty("base").GetDecimal(), b.GetProperty("vat").GetDecimal()))
            .ShouldBe([(20m, 1.35m, 0.27m), (5.5m, 19.99m, 1.10m)]);
        totals.GetProperty("totalIncludingVat").GetDecimal().ShouldBe(22.71m);
        (await (await c.Company.Admin.GetAsync("/api/v1/orders")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task An_intra_EU_business_gets_reverse_charge_on_services_and_exemption_on_goods()
    {
        var c = await CatalogAsync();
        var (german, _) = await CustomerTests.CreateAsync(c.Company.Admin, CustomerTests.Business(name: "Brauerei Müller GmbH", siren: null, vat: "DE123456789", country: "DE"));
        var preview = await Post(c.Company.Admin, "/api/v1/orders/preview", new { customerId = german.GetProperty("id").GetGuid(), lines = Lines(c.ProductId) });
        var priced = preview.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() != "Title").ToList();
        priced.Select(l => (l.GetProperty("vatCategory").GetString(), l.GetProperty("vatRate").GetDecimal())).ShouldBe([("ReverseCharge", 0m), ("IntraCommunitySupply", 0m)]);
        preview.GetProperty("totals").GetProperty("totalVat").GetDecimal().ShouldBe(0m);
    }

    [Test]
    public async Task Another_companys_product_inside_a_body_is_an_unknown_reference()
    {
        var c = await CatalogAsync();
        var other = await CatalogAsync();
        var response = await c.Company.Admin.PostAsJsonAsync("/api/v1/orders", new { customerId = c.CustomerId, lines = Lines(other.ProductId) });
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        problem.GetProperty("errors").TryGetProperty("lines[1].productId", out _).ShouldBeTrue();
        var customer = await c.Company.Admin.PostAsJsonAsync("/api/v1/orders", new { customerId = other.CustomerId, lines = Lines(c.ProductId) });
        (await customer.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found")).GetProperty("errors").TryGetProperty("customerId", out _).ShouldBeTrue();
    }

    [Test]
    public async Task The_billing_schedule_never_exceeds_the_order_and_due_milestones_are_listed()
    {
        var c = await CatalogAsync();
        var order = await Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = Lines(c.ProductId) }, HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        var draftPlan = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orders/{id}/billing-schedule") { Content = JsonContent.Create(new { milestones = Array.Empty<object>() }) };
        draftPlan.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        await (await c.Company.Admin.SendAsync(draftPlan)).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_validated");
        await Post(c.Company.Admin, $"/api/v1/orders/{id}/validate");

        HttpRequestMessage Plan(object milestones, string etag)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orders/{id}/billing-schedule") { Content = JsonContent.Create(new { milestones }) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return request;
        }
        var tooMuch = await c.Company.Admin.SendAsync(Plan(new object[] { new { label = "Acompte", plannedDate = "2020-01-01", percentage = 60m }, new { label = "Solde", plannedDate = "2099-01-01", percentage = 50m } }, "\"0\""));
        await tooMuch.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "billing_schedule_exceeds_order");
        var planned = await c.Company.Admin.SendAsync(Plan(new object[] { new { label = "Acompte", plannedDate = "2020-01-01", percentage = 30m }, new { label = "Solde", plannedDate = "2099-01-01", percentage = 70m } }, "\"0\""));
        await planned.ShouldHaveStatus(HttpStatusCode.OK);
        var schedule = await planned.Json();
        schedule.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("plannedAmountExcludingVat").GetDecimal()).Sum().ShouldBe(1455.90m);
        schedule.GetProperty("unplannedExcludingVat").GetDecimal().ShouldBe(0m);

        var overview = await (await c.Company.Admin.GetAsync("/api/v1/billing-schedule")).Json();
        var due = overview.GetProperty("dueMilestones").EnumerateArray().Single();
        due.GetProperty("label").GetString().ShouldBe("Acompte");
        due.GetProperty("isLate").GetBoolean().ShouldBeTrue();
        overview.GetProperty("ordersLeftToInvoice").EnumerateArray().Single().GetProperty("leftToInvoiceExcludingVat").GetDecimal().ShouldBe(1455.90m);

        // The deposit milestone invoiced as a draft is no longer due; deleting the draft makes it due again.
        var milestoneId = due.GetProperty("milestoneId").GetGuid();
        var draft = await Post(c.Company.Admin, "/api/v1/invoices/from-order", new { orderId = id, kind = "Deposit", milestoneId }, HttpStatusCode.Created);
        (await (await c.Company.Admin.GetAsync("/api/v1/billing-schedule")).Json()).GetProperty("dueMilestones").GetArrayLength().ShouldBe(0);
        (await c.Company.Admin.DeleteAsync($"/api/v1/invoices/{draft.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var dueAgain = (await (await c.Company.Admin.GetAsync("/api/v1/billing-schedule")).Json()).GetProperty("dueMilestones").EnumerateArray().Single();
        dueAgain.GetProperty("milestoneId").GetGuid().ShouldBe(milestoneId);
    }
}
