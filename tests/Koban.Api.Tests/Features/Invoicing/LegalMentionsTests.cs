using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Pdf.Tests;

namespace Koban.Api.Tests.Features.Invoicing;

/// <summary>The legal mentions of invoices and credit notes (domain-rules.md §4), read back from the rendered PDFs.</summary>
public sealed class LegalMentionsTests : ApiTest
{
    private static async Task PutProfileAsync(HttpClient admin, Action<JsonObject>? change = null)
    {
        var profile = JsonSerializer.SerializeToNode(CompanyProfileTests.Profile())!.AsObject();
        change?.Invoke(profile);
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(profile) };
        await (await admin.SendAsync(put.WithIfMatch(etag))).ShouldHaveStatus(HttpStatusCode.OK);
    }

    private static async Task<(HttpClient Admin, Guid CustomerId)> CompanyAsync(bool profile = true)
    {
        var company = await NewCompanyAsync();
        if (profile) await PutProfileAsync(company.Admin);
        var (customer, _) = await CustomerTests.CreateAsync(company.Admin, CustomerTests.Business());
        return (company.Admin, customer.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> DraftInvoiceAsync(HttpClient admin, Guid customerId, params object[] lines) =>
        (await SalesFlowTests.Post(admin, "/api/v1/invoices", new
        {
            customerId,
            lines = lines.Length > 0 ? lines : [new { kind = "Free", description = "Audit de l'atelier", quantity = 1m, unitCode = "DAY", unitPrice = 640m, vatRate = 20m, nature = "Service" }],
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<string> PdfAsync(HttpClient admin, string path)
    {
        var response = await admin.GetAsync($"{path}/pdf");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return PdfText.Flat(PdfText.All(await response.Content.ReadAsByteArrayAsync()));
    }

    private static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    [Test]
    public async Task Validating_an_invoice_or_a_credit_note_of_an_incomplete_company_is_refused_naming_every_missing_field_at_once()
    {
        var (admin, customerId) = await CompanyAsync(profile: false);
        var invoiceId = await DraftInvoiceAsync(admin, customerId);

        // Only the name given at sign-up: everything else the law asks is missing, and all of it is named.
        var bare = await (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/validate", new { }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "mandatory_mention_missing");
        ErrorFields(bare).ShouldBe(["company.legalForm", "company.siren", "company.address", "company.vatNumber"], ignoreOrder: true);
        bare.GetProperty("title").GetString()!.ShouldContain("company.legalForm, company.siren, company.address, company.vatNumber");

        // A company form without its share capital and registry city.
        await PutProfileAsync(admin, p =>
        {
            p["shareCapital"] = null;
            p["rcsCity"] = null;
        });
        var company = await (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/validate", new { }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "mandatory_mention_missing");
        ErrorFields(company).ShouldBe(["company.shareCapital", "company.rcsCity"], ignoreOrder: true);
        (await (await admin.GetAsync($"/api/v1/invoices/{invoiceId}")).Json()).GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null, "nothing was numbered");

        // A sole trader has no share capital: the same profile is enough for an EI.
        await PutProfileAsync(admin, p =>
        {
            p["legalForm"] = "Ei";
            p["shareCapital"] = null;
            p["rcsCity"] = null;
        });
        await SalesFlowTests.Post(admin, $"/api/v1/invoices/{invoiceId}/validate");

        // The credit note is a legal document too.
        var creditId = (await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new { invoiceId, reason = "CommercialDiscount", mode = "Full" }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await PutProfileAsync(admin, p => p["rcsCity"] = null);
        var credit = await (await admin.PostAsJsonAsync($"/api/v1/credit-notes/{creditId}/validate", new { }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "mandatory_mention_missing");
        ErrorFields(credit).ShouldBe(["company.rcsCity"]);
        await PutProfileAsync(admin);
        await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{creditId}/validate");
    }

    [Test]
    public async Task The_legal_form_is_printed_once_and_a_credit_note_prints_no_payment_clause()
    {
        var (admin, customerId) = await CompanyAsync();
        var invoiceId = await DraftInvoiceAsync(admin, customerId);
        await SalesFlowTests.Post(admin, $"/api/v1/invoices/{invoiceId}/validate");
        var creditId = (await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new { invoiceId, reason = "CommercialDiscount", mode = "Full" }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{creditId}/validate");

        var invoice = await PdfAsync(admin, $"/api/v1/invoices/{invoiceId}");
        var credit = await PdfAsync(admin, $"/api/v1/credit-notes/{creditId}");

        foreach (var text in new[] { invoice, credit })
        {
            // The name "Atelier Test SAS" already carries the form: never "SAS SAS", never the enum name "Sas".
            text.ShouldContain("Atelier Test SAS au capital de 15 000,50 €");
            text.ShouldNotContain("SAS SAS");
            text.ShouldNotContain("SAS – SAS");
            text.ShouldNotContain(" Sas", Case.Sensitive);
        }
        foreach (var clause in new[] { "Pénalités de retard", "Indemnité forfaitaire", "Escompte", "Date d'échéance" })
        {
            invoice.ShouldContain(clause);
            credit.ShouldNotContain(clause, Case.Sensitive, "a credit note asks nobody to pay");
        }
    }

    private const string Exemption = "Exonération de TVA, art. 261-4-4° du CGI";

    [Test]
    public async Task A_free_line_at_0_percent_keeps_its_exemption_basis_from_quote_to_order_to_invoice_and_each_PDF_prints_it_as_typed()
    {
        var (admin, customerId) = await CompanyAsync();
        object[] lines =
        [
            new { kind = "Free", description = "Formation des équipes", quantity = 2m, unitCode = "DAY", unitPrice = 900m, vatRate = 0m, nature = "Service", vatExemptionReason = $"  {Exemption} " },
            new { kind = "Free", description = "Support de cours", quantity = 1m, unitCode = "C62", unitPrice = 50m, vatRate = 20m, nature = "Goods", vatExemptionReason = (string?)null },
        ];
        var quoteId = (await SalesFlowTests.Post(admin, "/api/v1/quotes", new { customerId, validUntil = "2099-12-31", lines }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/send");
        await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/accept");
        var order = await SalesFlowTests.Post(admin, "/api/v1/orders/from-quote", new { quoteId }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/orders/{orderId}/validate");
        var invoice = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId, kind = "Full" }, HttpStatusCode.Created);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        var validated = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{invoiceId}/validate");

        foreach (var document in new[] { order, invoice, validated })
        {
            var exempt = document.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("vatRate").GetDecimal() == 0m);
            exempt.GetProperty("vatCategory").GetString().ShouldBe("Exempt");
            exempt.GetProperty("vatExemptionReason").GetString().ShouldBe(Exemption, "stored with the line, trimmed, and copied along");
            document.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("vatRate").GetDecimal() == 20m)
                .GetProperty("vatExemptionReason").ValueKind.ShouldBe(JsonValueKind.Null);
        }
        validated.GetProperty("snapshot").GetProperty("legalNotes").EnumerateArray().Select(n => n.GetString()).ShouldBe([Exemption]);
        foreach (var path in new[] { $"/api/v1/quotes/{quoteId}", $"/api/v1/orders/{orderId}", $"/api/v1/invoices/{invoiceId}" })
        {
            var text = await PdfAsync(admin, path);
            text.ShouldContain(Exemption, Case.Sensitive, $"{path} prints the legal basis as typed");
        }
    }

    [Test]
    public async Task The_date_of_sale_comes_from_the_order_is_editable_on_a_draft_frozen_at_validation_and_printed_when_it_differs()
    {
        var (admin, customerId) = await CompanyAsync();
        var today = CompanyDates.ParisToday;
        var delivered = today.AddDays(-12);
        var order = await SalesFlowTests.Post(admin, "/api/v1/orders", new
        {
            customerId,
            plannedDeliveryDate = delivered,
            lines = new[] { new { kind = "Free", description = "Étagère chêne", quantity = 2m, unitCode = "C62", unitPrice = 300m, vatRate = 20m, nature = "Goods" } },
        }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/orders/{orderId}/validate");

        var deposit = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId, kind = "Deposit", percentage = 30m }, HttpStatusCode.Created);
        deposit.GetProperty("saleDate").ValueKind.ShouldBe(JsonValueKind.Null, "a deposit bills money received before the operation");
        await (await admin.DeleteAsync($"/api/v1/invoices/{deposit.GetProperty("id").GetGuid()}")).ShouldHaveStatus(HttpStatusCode.NoContent);

        var draft = await admin.PostAsJsonAsync("/api/v1/invoices/from-order", new { orderId, kind = "Full" });
        await draft.ShouldHaveStatus(HttpStatusCode.Created);
        var invoice = await draft.Json();
        var id = invoice.GetProperty("id").GetGuid();
        invoice.GetProperty("saleDate").GetString().ShouldBe(delivered.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var completed = today.AddDays(-5);
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/invoices/{id}") { Content = JsonContent.Create(new { customerId, saleDate = completed }) })
        {
            var updated = await admin.SendAsync(put.WithIfMatch(draft.Headers.ETag));
            await updated.ShouldHaveStatus(HttpStatusCode.OK);
            (await updated.Json()).GetProperty("saleDate").GetString().ShouldBe(completed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        var validated = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{id}/validate");
        validated.GetProperty("saleDate").GetString().ShouldBe(completed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var text = await PdfAsync(admin, $"/api/v1/invoices/{id}");
        text.ShouldContain("Date de la vente ou de la prestation");
        text.ShouldContain(completed.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));

        var current = await admin.GetAsync($"/api/v1/invoices/{id}");
        using (var late = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/invoices/{id}") { Content = JsonContent.Create(new { customerId, saleDate = today }) })
        {
            await (await admin.SendAsync(late.WithIfMatch(current.Headers.ETag))).ShouldBeProblem(HttpStatusCode.Conflict, "document_frozen");
        }
        var chain = await (await admin.GetAsync("/api/v1/compliance/chain")).Json();
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue(chain.ToString());

        // Same day as the invoice, or unknown: nothing to print.
        var direct = await DraftInvoiceAsync(admin, customerId);
        await SalesFlowTests.Post(admin, $"/api/v1/invoices/{direct}/validate");
        (await PdfAsync(admin, $"/api/v1/invoices/{direct}")).ShouldNotContain("Date de la vente");
    }
}
