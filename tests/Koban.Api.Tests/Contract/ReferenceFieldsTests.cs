using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koban.Api.Tests.Features.Invoicing;
using Koban.Api.Tests.Features.Receivables;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Contract;

/// <summary>
/// Every foreign id (<c>*Id</c>) a client sends in the body of a creation in sales, invoicing and payments is checked:
/// an unknown id and another company's id both answer 422 <c>reference_not_found</c> naming the field — nothing
/// unchecked is frozen into a document. The fields come from the served contract, so a new one is tested (or the test
/// fails for want of a baseline request) without anyone remembering to add it.
/// </summary>
public sealed class ReferenceFieldsTests : ApiTest
{
    private static readonly string[] Prefixes = ["/api/v1/opportunities", "/api/v1/quotes", "/api/v1/orders", "/api/v1/invoices", "/api/v1/credit-notes", "/api/v1/payments"];

    /// <summary>(POST path, top-level body field) for every creation under <see cref="Prefixes"/> whose body has <c>*Id</c> fields.</summary>
    private static async Task<List<(string Path, string Field)>> ContractFieldsAsync()
    {
        using var document = JsonDocument.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var found = new List<(string, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (path.Name.Contains('{', StringComparison.Ordinal) || !Prefixes.Any(p => path.Name.StartsWith(p, StringComparison.Ordinal))) continue;
            if (!path.Value.TryGetProperty("post", out var post) || !post.TryGetProperty("requestBody", out var body)) continue;
            if (!body.GetProperty("content").TryGetProperty("application/json", out var json)) continue;
            var schema = json.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var reference)) schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            if (!schema.TryGetProperty("properties", out var properties)) continue;
            found.AddRange(properties.EnumerateObject().Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal)).Select(p => (path.Name, p.Name)));
        }
        return found;
    }

    private sealed record Ids(Guid Customer, Guid Contact, Guid Product, Guid Order, Guid Invoice, Guid Quote, Guid Opportunity, Guid User);

    private static async Task<(SalesFlowTests.Catalog Catalog, Ids Ids)> WorldAsync(bool full)
    {
        InvoicingFlowTests.Billing? billing = full ? await InvoicingFlowTests.ValidatedOrderAsync() : null;
        var c = billing?.Catalog ?? await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var customer = await (await admin.GetAsync($"/api/v1/customers/{c.CustomerId}")).Json();
        var contact = customer.GetProperty("contacts")[0].GetProperty("id").GetGuid();
        var user = (await (await admin.GetAsync("/api/v1/users")).Json()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var orderId = billing?.OrderId ?? (await SalesFlowTests.Post(admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var invoice = (await SalesFlowTests.Post(admin, "/api/v1/invoices", new
        {
            customerId = c.CustomerId,
            lines = new[] { new { kind = "Free", description = "Conseil", quantity = 1m, unitCode = "C62", unitPrice = 100m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        if (full) await SalesFlowTests.Post(admin, $"/api/v1/invoices/{invoice}/validate");
        var opportunity = (await SalesFlowTests.Post(admin, "/api/v1/opportunities", new { customerId = c.CustomerId, title = "Projet", expectedAmount = 1000m, ownerUserId = user },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var quote = full ? await SalesFlowTests.AcceptedQuoteAsync(c, null)
            : (await SalesFlowTests.Post(admin, "/api/v1/quotes", new { customerId = c.CustomerId, validUntil = "2099-12-31", lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return (c, new Ids(c.CustomerId, contact, c.ProductId, orderId, invoice, quote, opportunity, user));
    }

    /// <summary>A request of company A that succeeds as it is; each test replaces one of its ids.</summary>
    private static Dictionary<string, JsonObject> Baselines(Ids a)
    {
        var today = ReceivablesTests.ParisToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        JsonObject O(object value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!.AsObject();
        var fromOrder = O(new { orderId = a.Order, kind = "Deposit", percentage = 30m, contactId = a.Contact });
        fromOrder["milestoneId"] = null;
        return new()
        {
            ["/api/v1/opportunities"] = O(new { customerId = a.Customer, title = "Projet", expectedAmount = 1000m, ownerUserId = a.User }),
            ["/api/v1/quotes"] = O(new { customerId = a.Customer, opportunityId = a.Opportunity, validUntil = "2099-12-31", lines = SalesFlowTests.Lines(a.Product) }),
            ["/api/v1/orders"] = O(new { customerId = a.Customer, billToCustomerId = a.Customer, contactId = a.Contact, salespersonId = a.User, templateId = (Guid?)null, lines = SalesFlowTests.Lines(a.Product) }),
            ["/api/v1/orders/preview"] = O(new { customerId = a.Customer, lines = SalesFlowTests.Lines(a.Product) }),
            ["/api/v1/orders/from-quote"] = O(new { quoteId = a.Quote }),
            ["/api/v1/invoices"] = O(new
            {
                customerId = a.Customer,
                contactId = a.Contact,
                lines = new[] { new { kind = "Free", description = "Conseil", quantity = 1m, unitCode = "C62", unitPrice = 100m, vatRate = 20m, nature = "Service" } },
            }),
            ["/api/v1/invoices/from-order"] = fromOrder,
            ["/api/v1/invoices/from-order/preview"] = fromOrder.DeepClone().AsObject(),
            ["/api/v1/credit-notes"] = O(new { invoiceId = a.Invoice, reason = "CommercialDiscount", mode = "Amount", amountIncludingVat = 12m }),
            ["/api/v1/payments"] = O(PaymentsFlowTestsReceipt(a, today)),
        };
    }

    private static object PaymentsFlowTestsReceipt(Ids a, string today) =>
        Features.Payments.PaymentsFlowTests.Receipt(a.Customer, today, 10m, (a.Invoice, 10m));

    private static Guid OtherCompanys(Ids b, string field) => field switch
    {
        "customerId" or "billToCustomerId" => b.Customer,
        "contactId" => b.Contact,
        "orderId" => b.Order,
        "invoiceId" or "creditNoteId" => b.Invoice,
        "quoteId" => b.Quote,
        "opportunityId" => b.Opportunity,
        "ownerUserId" or "salespersonId" => b.User,
        "productId" => b.Product,
        _ => b.Customer, // a row that exists, in another company, of whatever kind
    };

    [Test]
    public async Task Every_foreign_id_in_a_creation_body_is_checked_unknown_and_other_company_alike()
    {
        var fields = await ContractFieldsAsync();
        fields.Select(f => f.Field).ShouldContain("contactId");
        var (a, aIds) = await WorldAsync(full: true);
        var (_, bIds) = await WorldAsync(full: false);
        var baselines = Baselines(aIds);
        fields.Select(f => f.Path).Distinct().Except(baselines.Keys).ShouldBeEmpty("an operation with foreign ids in its body has no baseline request here");

        var failures = new List<string>();
        foreach (var (path, field) in fields)
        {
            foreach (var (label, id) in new[] { ("unknown", Guid.NewGuid()), ("other company's", OtherCompanys(bIds, field)) })
            {
                var body = baselines[path].DeepClone().AsObject();
                body[field] = id;
                var response = await a.Company.Admin.PostAsJsonAsync(path, body);
                var text = await response.Content.ReadAsStringAsync();
                var named = response.StatusCode == HttpStatusCode.UnprocessableEntity
                    && JsonDocument.Parse(text).RootElement is var problem
                    && problem.GetProperty("code").GetString() == "reference_not_found"
                    && problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
                if (!named) failures.Add($"POST {path} with an {label} {field}: {(int)response.StatusCode} {text}");
            }
        }
        failures.ShouldBeEmpty();
    }
}
