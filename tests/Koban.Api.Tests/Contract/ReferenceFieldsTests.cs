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
/// Every foreign id (<c>*Id</c>, <c>*Ids</c>) a client sends in a request body — at any depth (<c>lines[].productId</c>,
/// <c>allocations[].invoiceId</c>), in a creation, an update (PUT/PATCH) or an action, under every feature — is checked:
/// an unknown id and another company's id both answer 422 <c>reference_not_found</c> naming the field's path
/// (<c>lines[0].productId</c>) — nothing unchecked is frozen into a document. The fields come from the served contract,
/// so a new one is tested (or the test fails for want of a baseline request) without anyone remembering to add it.
/// </summary>
public sealed class ReferenceFieldsTests : ApiTest
{
    /// <summary>(method, path template, field path with <c>[]</c> for array items) for every operation whose JSON body has id fields.</summary>
    private static async Task<List<(string Method, string Path, string Field)>> ContractFieldsAsync()
    {
        using var document = JsonDocument.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var found = new List<(string, string, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put" or "patch"))
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json)) continue;
                var fields = new List<string>();
                IdFields(json.GetProperty("schema"), "", schemas, fields, 0);
                found.AddRange(fields.Distinct().Select(f => (operation.Name.ToUpperInvariant(), path.Name, f)));
            }
        }
        return found;
    }

    private static void IdFields(JsonElement schema, string prefix, JsonElement schemas, List<string> found, int depth)
    {
        if (depth > 8) return;
        if (schema.TryGetProperty("$ref", out var reference))
        {
            IdFields(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), prefix, schemas, found, depth + 1);
            return;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
                foreach (var option in options.EnumerateArray()) IdFields(option, prefix, schemas, found, depth + 1);
        }
        if (schema.TryGetProperty("items", out var items)) IdFields(items, prefix + "[]", schemas, found, depth + 1);
        if (!schema.TryGetProperty("properties", out var properties)) return;
        foreach (var property in properties.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (property.Name.EndsWith("Id", StringComparison.Ordinal) || property.Name.EndsWith("Ids", StringComparison.Ordinal)) found.Add(path);
            IdFields(property.Value, path, schemas, found, depth + 1);
        }
    }

    private sealed record Ids(Guid Customer, Guid Contact, Guid Product, Guid Order, Guid OrderLine, Guid Invoice, Guid InvoiceLine, Guid Quote, Guid Opportunity,
        Guid User, Guid CreditNote);

    /// <summary>Company A's records the baselines act on (drafts to update, a receipt to allocate, an unidentified one, a credit note).</summary>
    private sealed record Targets(Guid DraftQuote, Guid DraftOrder, Guid DraftInvoice, Guid Receipt, Guid Unidentified, Guid DraftContract);

    private static async Task<(SalesFlowTests.Catalog Catalog, Ids Ids, Targets Targets)> WorldAsync(bool full)
    {
        InvoicingFlowTests.Billing? billing = full ? await InvoicingFlowTests.ValidatedOrderAsync() : null;
        var c = billing?.Catalog ?? await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var customer = await (await admin.GetAsync($"/api/v1/customers/{c.CustomerId}")).Json();
        var contact = customer.GetProperty("contacts")[0].GetProperty("id").GetGuid();
        var user = (await (await admin.GetAsync("/api/v1/users")).Json()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var orderId = billing?.OrderId ?? (await SalesFlowTests.Post(admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var orderLine = (await (await admin.GetAsync($"/api/v1/orders/{orderId}")).Json()).GetProperty("lines").EnumerateArray()
            .First(l => l.GetProperty("kind").GetString() == "Product").GetProperty("id").GetGuid();
        var invoice = await SalesFlowTests.Post(admin, "/api/v1/invoices", new
        {
            customerId = c.CustomerId,
            lines = new[] { new { kind = "Free", description = "Conseil", quantity = 1m, unitCode = "C62", unitPrice = 100m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        var invoiceLine = invoice.GetProperty("lines")[0].GetProperty("id").GetGuid();
        if (full) await SalesFlowTests.Post(admin, $"/api/v1/invoices/{invoiceId}/validate");
        var opportunity = (await SalesFlowTests.Post(admin, "/api/v1/opportunities", new { customerId = c.CustomerId, title = "Projet", expectedAmount = 1000m, ownerUserId = user },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Guid Draft(JsonElement created) => created.GetProperty("id").GetGuid();
        var draftQuote = Draft(await SalesFlowTests.Post(admin, "/api/v1/quotes", new { customerId = c.CustomerId, validUntil = "2099-12-31", lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created));
        var quote = full ? await SalesFlowTests.AcceptedQuoteAsync(c, null) : draftQuote;
        var draftOrder = full ? Draft(await SalesFlowTests.Post(admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created)) : orderId;
        var draftInvoice = full ? Draft(await SalesFlowTests.Post(admin, "/api/v1/invoices", Direct(c.CustomerId, c.ProductId), HttpStatusCode.Created)) : invoiceId;
        Guid creditNote = invoiceId, receipt = invoiceId, unidentified = invoiceId;
        if (full)
        {
            var today = ReceivablesTests.ParisToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var note = await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new { invoiceId, reason = "CommercialDiscount", mode = "Amount", amountIncludingVat = 12m }, HttpStatusCode.Created);
            creditNote = note.GetProperty("id").GetGuid();
            await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{creditNote}/validate");
            receipt = Draft(await SalesFlowTests.Post(admin, "/api/v1/payments", Features.Payments.PaymentsFlowTests.Receipt(c.CustomerId, today, 50m), HttpStatusCode.Created));
            unidentified = Draft(await SalesFlowTests.Post(admin, "/api/v1/payments", Features.Payments.PaymentsFlowTests.Receipt(null, today, 50m), HttpStatusCode.Created));
        }
        var draftContract = Draft(await SalesFlowTests.Post(admin, "/api/v1/contracts", Contract(c.CustomerId, c.ProductId, user), HttpStatusCode.Created));
        return (c, new Ids(c.CustomerId, contact, c.ProductId, orderId, orderLine, invoiceId, invoiceLine, quote, opportunity, user, creditNote),
            new Targets(draftQuote, draftOrder, draftInvoice, receipt, unidentified, draftContract));
    }

    /// <summary>Lines whose first is a catalogue product, so that <c>lines[0].productId</c> is a field the request uses.</summary>
    private static object[] ProductLines(Guid productId) =>
    [
        new { kind = "Product", productId, quantity = 12m },
        new { kind = "Free", description = "Étagère chêne massif", quantity = 2m, unitCode = "C62", unitPrice = 375.5m, discountPercent = 10m, vatRate = 20m, nature = "Goods" },
    ];

    private static object Direct(Guid customerId, Guid productId) => new { customerId, lines = ProductLines(productId) };

    private static object Contract(Guid customerId, Guid productId, Guid ownerUserId) => new
    {
        customerId,
        ownerUserId,
        startDate = "2027-01-01",
        termMonths = 12,
        periodicity = "Monthly",
        timing = "InAdvance",
        tacitRenewal = true,
        noticeMonths = 1,
        lines = ProductLines(productId),
    };

    /// <summary>A request of company A that succeeds as it is (its URL, its body); each test replaces one of its ids.</summary>
    private static (string Url, JsonObject Body) Baseline(string method, string path, string field, Ids a, Targets t)
    {
        var today = ReceivablesTests.ParisToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        JsonObject O(object value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!.AsObject();
        var fromOrder = O(new { orderId = a.Order, kind = "Intermediate", lines = new[] { new { orderLineId = a.OrderLine, quantity = 1m } }, contactId = a.Contact });
        fromOrder["milestoneId"] = null;
        var order = O(new { customerId = a.Customer, billToCustomerId = a.Customer, contactId = a.Contact, salespersonId = a.User, templateId = (Guid?)null, lines = ProductLines(a.Product) });
        var quote = O(new { customerId = a.Customer, opportunityId = a.Opportunity, validUntil = "2099-12-31", lines = ProductLines(a.Product) });
        var invoice = O(new { customerId = a.Customer, contactId = a.Contact, lines = ProductLines(a.Product) });
        return (method, path) switch
        {
            ("POST", "/api/v1/opportunities") => (path, O(new { customerId = a.Customer, title = "Projet", expectedAmount = 1000m, ownerUserId = a.User })),
            ("PUT", "/api/v1/opportunities/{id}") => ($"/api/v1/opportunities/{a.Opportunity}", O(new { customerId = a.Customer, title = "Projet", expectedAmount = 1000m, ownerUserId = a.User })),
            ("POST", "/api/v1/opportunities/{id}/win") => ($"/api/v1/opportunities/{a.Opportunity}/win", O(new { quoteId = a.Quote, createOrder = false })),
            ("POST", "/api/v1/quotes") => (path, quote),
            ("PUT", "/api/v1/quotes/{id}") => ($"/api/v1/quotes/{t.DraftQuote}", quote),
            ("POST", "/api/v1/orders") => (path, order),
            ("PUT", "/api/v1/orders/{id}") => ($"/api/v1/orders/{t.DraftOrder}", order),
            ("POST", "/api/v1/orders/preview") => (path, O(new { customerId = a.Customer, lines = ProductLines(a.Product) })),
            ("POST", "/api/v1/orders/from-quote") => (path, O(new { quoteId = a.Quote })),
            ("POST", "/api/v1/invoices") => (path, invoice),
            ("PUT", "/api/v1/invoices/{id}") => ($"/api/v1/invoices/{t.DraftInvoice}", invoice),
            ("POST", "/api/v1/invoices/from-order") => (path, fromOrder),
            ("POST", "/api/v1/invoices/from-order/preview") => (path, fromOrder),
            ("POST", "/api/v1/contracts") => (path, O(Contract(a.Customer, a.Product, a.User))),
            ("PUT", "/api/v1/contracts/{id}") => ($"/api/v1/contracts/{t.DraftContract}", O(Contract(a.Customer, a.Product, a.User))),
            ("POST", "/api/v1/contracts/from-order") => (path, O(new
            {
                orderId = a.Order,
                orderLineIds = new[] { a.OrderLine },
                startDate = "2027-01-01",
                timing = "InAdvance",
                tacitRenewal = true,
                noticeMonths = 1,
                ownerUserId = a.User,
            })),
            ("POST", "/api/v1/credit-notes") => (path, O(new { invoiceId = a.Invoice, reason = "Correction", mode = "Lines", lines = new[] { new { invoiceLineId = a.InvoiceLine, quantity = 1m } } })),
            ("POST", "/api/v1/credit-notes/{id}/apply") => ($"/api/v1/credit-notes/{a.CreditNote}/apply", O(new { invoiceId = a.Invoice, amount = 1m })),
            ("POST", "/api/v1/payments") when field == "creditNoteId" => (path, O(new
            {
                direction = "Refund",
                customerId = a.Customer,
                date = today,
                amount = 1m,
                method = "BankTransfer",
                reference = "REMB-1",
                bankAccountCode = "BANK",
                creditNoteId = a.CreditNote,
            })),
            ("POST", "/api/v1/payments") => (path, O(Features.Payments.PaymentsFlowTests.Receipt(a.Customer, today, 10m, (a.Invoice, 10m)))),
            ("POST", "/api/v1/payments/{id}/allocations") => ($"/api/v1/payments/{t.Receipt}/allocations", O(new { allocations = new[] { new { invoiceId = a.Invoice, amount = 1m } } })),
            ("POST", "/api/v1/payments/{id}/identify") => ($"/api/v1/payments/{t.Unidentified}/identify",
                O(new { customerId = a.Customer, allocations = new[] { new { invoiceId = a.Invoice, amount = 1m } } })),
            _ => ("", new JsonObject()),
        };
    }

    private static Guid OtherCompanys(Ids b, string field) => field.Split('.')[^1] switch
    {
        "customerId" or "billToCustomerId" => b.Customer,
        "contactId" => b.Contact,
        "orderId" => b.Order,
        "orderLineId" => b.OrderLine,
        "invoiceId" => b.Invoice,
        "invoiceLineId" => b.InvoiceLine,
        "creditNoteId" => b.CreditNote,
        "quoteId" => b.Quote,
        "opportunityId" => b.Opportunity,
        "ownerUserId" or "salespersonId" => b.User,
        "productId" => b.Product,
        _ => b.Customer, // a row that exists, in another company, of whatever kind
    };

    /// <summary>Puts <paramref name="id"/> at <paramref name="field"/> (the first item of each array on the way) and returns
    /// the concrete path the problem must name (<c>lines[].productId</c> → <c>lines[0].productId</c>).</summary>
    private static string Replace(JsonObject body, string field, Guid id)
    {
        JsonNode node = body;
        var named = new List<string>();
        var parts = field.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var name = parts[i].Replace("[]", "", StringComparison.Ordinal);
            var arrays = (parts[i].Length - name.Length) / 2;
            var last = i == parts.Length - 1;
            if (last && arrays == 0)
            {
                node[name] = name.EndsWith("Ids", StringComparison.Ordinal) ? new JsonArray(id) : id;
                named.Add(name.EndsWith("Ids", StringComparison.Ordinal) ? $"{name}[0]" : name);
                break;
            }
            var child = node[name] ?? throw new InvalidOperationException($"The baseline has no {string.Join('.', named.Append(name))} to put an id in.");
            for (var k = 0; k < arrays; k++) child = child.AsArray()[0]!;
            named.Add(name + string.Concat(Enumerable.Repeat("[0]", arrays)));
            if (last) child.ReplaceWith(JsonValue.Create(id));
            else node = child;
        }
        return string.Join('.', named);
    }

    [Test]
    public async Task Every_foreign_id_in_a_request_body_is_checked_at_any_depth_unknown_and_other_company_alike()
    {
        var fields = await ContractFieldsAsync();
        fields.Select(f => f.Field).ShouldContain("contactId");
        fields.Select(f => f.Field).ShouldContain("lines[].productId");
        fields.Select(f => f.Field).ShouldContain("allocations[].invoiceId");
        fields.Select(f => f.Method).ShouldContain("PUT");
        var (a, aIds, targets) = await WorldAsync(full: true);
        var (_, bIds, _) = await WorldAsync(full: false);
        fields.Where(f => Baseline(f.Method, f.Path, f.Field, aIds, targets).Url.Length == 0).Select(f => $"{f.Method} {f.Path}").Distinct()
            .ShouldBeEmpty("an operation with foreign ids in its body has no baseline request here");

        var failures = new List<string>();
        foreach (var (method, path, field) in fields)
        {
            foreach (var (label, id) in new[] { ("unknown", Guid.NewGuid()), ("other company's", OtherCompanys(bIds, field)) })
            {
                var (url, baseline) = Baseline(method, path, field, aIds, targets);
                var body = baseline.DeepClone().AsObject();
                var named = Replace(body, field, id);
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(body) };
                if (method != "POST") request.Headers.IfMatch.Add((await a.Company.Admin.GetAsync(url)).Headers.ETag!);
                var response = await a.Company.Admin.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var refused = response.StatusCode == HttpStatusCode.UnprocessableEntity
                    && JsonDocument.Parse(text).RootElement is var problem
                    && problem.GetProperty("code").GetString() == "reference_not_found"
                    && problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(named, out _);
                if (!refused) failures.Add($"{method} {path} with an {label} {named}: {(int)response.StatusCode} {text}");
            }
        }
        failures.ShouldBeEmpty();
    }
}
