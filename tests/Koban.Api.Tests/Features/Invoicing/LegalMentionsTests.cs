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
}
