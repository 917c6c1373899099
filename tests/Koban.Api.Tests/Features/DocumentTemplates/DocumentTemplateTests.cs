using System.Net;
using System.Net.Http.Json;
using Koban.Api.Features.DocumentTemplates;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Tests.Infrastructure;
using Koban.Pdf.Tests;

namespace Koban.Api.Tests.Features.DocumentTemplates;

public sealed class DocumentTemplateTests : ApiTest
{
    internal static object Body(string accentColor = "#7A1F3D", string? subject = "Facture {number} – {companyName}", string? body = "Bonjour {customerName}, {amount} au {dueDate}.",
        string? footer = "Ateliers ouverts du lundi au vendredi", string? terms = "Clause de réserve de propriété.", bool showBankDetails = true) => new
        {
            accentColor,
            showLogo = true,
            headerText = "Merci pour votre confiance.",
            footerText = footer,
            showBankDetails,
            termsAndConditions = terms,
            emailSubject = subject,
            emailBody = body,
        };

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string kind, object body, System.Net.Http.Headers.EntityTagHeaderValue? etag) =>
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/document-templates/{kind}") { Content = JsonContent.Create(body) }.WithIfMatch(etag));

    /// <summary>The API reads enums only as their names, as the contract documents them.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions ContractJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task SetUpIdentityAsync(TestCompany company)
    {
        var get = await company.Admin.GetAsync("/api/v1/company");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(Koban.Api.Features.Companies.CompanyExamples.UpdateCompanyProfile with { LegalName = "Ébénisterie Lumière SAS" }, options: ContractJson) }
            .WithIfMatch(get.Headers.ETag);
        await (await company.Admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task Every_document_type_has_a_default_template_on_first_read()
    {
        var company = await NewCompanyAsync();
        var list = await (await company.Admin.GetAsync("/api/v1/document-templates")).Json();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("kind").GetString()).ShouldBe(["Quote", "Order", "Invoice", "DepositInvoice", "CreditNote", "DeliveryNote"]);
        var invoice = items.Single(i => i.GetProperty("kind").GetString() == "Invoice");
        invoice.GetProperty("accentColor").GetString().ShouldBe(DocumentTemplateSettings.DefaultAccentColor);
        invoice.GetProperty("showBankDetails").GetBoolean().ShouldBeTrue();
        invoice.GetProperty("logoSource").GetString().ShouldBe("None");
        invoice.GetProperty("emailSubject").GetString()!.ShouldContain("{number}");
        invoice.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()).ShouldContain("{dueDate}");
        items.Single(i => i.GetProperty("kind").GetString() == "Quote").GetProperty("showBankDetails").GetBoolean().ShouldBeFalse();

        var get = await company.Admin.GetAsync("/api/v1/document-templates/Quote");
        await get.ShouldHaveStatus(HttpStatusCode.OK);
        get.Headers.ETag.ShouldNotBeNull();
    }

    [Test]
    public async Task An_update_needs_the_current_ETag_and_is_audited()
    {
        var company = await NewCompanyAsync();
        (await PutAsync(company.Admin, "Invoice", Body(), null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var get = await company.Admin.GetAsync("/api/v1/document-templates/Invoice");
        var updated = await PutAsync(company.Admin, "Invoice", Body(accentColor: "#7a1f3d"), get.Headers.ETag);
        await updated.ShouldHaveStatus(HttpStatusCode.OK);
        var body = await updated.Json();
        body.GetProperty("accentColor").GetString().ShouldBe("#7A1F3D");
        body.GetProperty("footerText").GetString().ShouldBe("Ateliers ouverts du lundi au vendredi");
        updated.Headers.ETag.ShouldNotBe(get.Headers.ETag);

        await (await PutAsync(company.Admin, "Invoice", Body(), get.Headers.ETag)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale_version");

        var audit = await (await company.Admin.GetAsync("/api/v1/audit-events?entityType=document_template")).Json();
        audit.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "document_template.updated");
    }

    [Test]
    public async Task Invalid_colours_and_unknown_placeholders_are_refused_naming_the_field()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/document-templates/Invoice")).Headers.ETag;
        var colour = await (await PutAsync(company.Admin, "Invoice", Body(accentColor: "bordeaux"), etag)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        colour.GetProperty("errors").TryGetProperty("accentColor", out _).ShouldBeTrue();

        var subject = await (await PutAsync(company.Admin, "Invoice", Body(subject: "Facture {numero}"), etag)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "template_placeholder_unknown");
        subject.GetProperty("errors").GetProperty("emailSubject")[0].GetString()!.ShouldContain("{numero}");
        var body = await (await PutAsync(company.Admin, "Invoice", Body(body: "Bonjour {client}"), etag)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "template_placeholder_unknown");
        body.GetProperty("errors").TryGetProperty("emailBody", out _).ShouldBeTrue();

        var tooLong = await (await PutAsync(company.Admin, "Invoice", Body(footer: new string('x', 1001)), etag)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        tooLong.GetProperty("errors").TryGetProperty("footerText", out _).ShouldBeTrue();
    }

    [Test]
    public async Task The_preview_is_a_two_page_pdf_with_the_company_identity_and_the_template()
    {
        var company = await NewCompanyAsync();
        await SetUpIdentityAsync(company);
        var etag = (await company.Admin.GetAsync("/api/v1/document-templates/Invoice")).Headers.ETag;
        await (await PutAsync(company.Admin, "Invoice", Body(footer: "Pied de page enregistré"), etag)).ShouldHaveStatus(HttpStatusCode.OK);

        var saved = await company.Admin.GetAsync("/api/v1/document-templates/Invoice/preview");
        await saved.ShouldHaveStatus(HttpStatusCode.OK);
        saved.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await saved.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var pages = PdfText.Pages(pdf);
        pages.Length.ShouldBe(2);
        foreach (var page in pages.Select(PdfText.Flat))
        {
            page.ShouldContain("Désignation Qté Unité PU HT Remise TVA Total HT");
            page.ShouldContain("Ébénisterie Lumière SAS au capital de 10 000,00 €");
            page.ShouldContain("Pied de page enregistré");
        }
        PdfText.Flat(pages[1]).ShouldContain("Page 2 / 2");
        PdfText.Flat(pages[0]).ShouldContain("Facture");
        PdfText.Flat(pages[0]).ShouldContain("FA-");

        var live = await company.Admin.PostAsJsonAsync("/api/v1/document-templates/Quote/preview", Body(footer: "Pied de page pas encore enregistré"));
        await live.ShouldHaveStatus(HttpStatusCode.OK);
        var text = PdfText.Flat(PdfText.All(await live.Content.ReadAsByteArrayAsync()));
        text.ShouldContain("Devis");
        text.ShouldContain("Valable jusqu'au");
        text.ShouldContain("Pied de page pas encore enregistré");
        (await (await company.Admin.GetAsync("/api/v1/document-templates/Quote")).Json()).GetProperty("footerText").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        await (await company.Admin.PostAsJsonAsync("/api/v1/document-templates/Quote/preview", Body(accentColor: "#12"))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_template_logo_replaces_the_company_logo_and_is_size_checked()
    {
        var company = await NewCompanyAsync();
        var png = PdfText.Png(60, 20, 200, 30, 30);
        await (await company.Admin.PutAsync("/api/v1/company/logo", new MultipartFormDataContent { { new ByteArrayContent(png), "file", "logo.png" } })).ShouldHaveStatus(HttpStatusCode.NoContent);
        (await (await company.Admin.GetAsync("/api/v1/document-templates/Order")).Json()).GetProperty("logoSource").GetString().ShouldBe("Company");

        var own = PdfText.Png(80, 30, 30, 30, 200);
        await (await company.Admin.PutAsync("/api/v1/document-templates/Order/logo", new MultipartFormDataContent { { new ByteArrayContent(own), "file", "own.png" } }))
            .ShouldHaveStatus(HttpStatusCode.NoContent);
        var template = await (await company.Admin.GetAsync("/api/v1/document-templates/Order")).Json();
        template.GetProperty("logoSource").GetString().ShouldBe("Own");
        (await (await company.Admin.GetAsync("/api/v1/document-templates/Order/logo")).Content.ReadAsByteArrayAsync()).ShouldBe(own);
        var preview = await (await company.Admin.GetAsync("/api/v1/document-templates/Order/preview")).Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(preview).ShouldContain("/Subtype/Image");

        var tooBig = new byte[512 * 1024 + 1];
        own.CopyTo(tooBig, 0);
        await (await company.Admin.PutAsync("/api/v1/document-templates/Order/logo", new MultipartFormDataContent { { new ByteArrayContent(tooBig), "file", "big.png" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "file_too_large");
        await (await company.Admin.PutAsync("/api/v1/document-templates/Order/logo", new MultipartFormDataContent { { new ByteArrayContent("GIF89a"u8.ToArray()), "file", "x.gif" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "file_type_not_allowed");

        await (await company.Admin.DeleteAsync("/api/v1/document-templates/Order/logo")).ShouldHaveStatus(HttpStatusCode.NoContent);
        (await (await company.Admin.GetAsync("/api/v1/document-templates/Order")).Json()).GetProperty("logoSource").GetString().ShouldBe("Company");
        (await company.Admin.GetAsync("/api/v1/document-templates/Order/logo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Templates_belong_to_their_company_and_only_admins_change_them()
    {
        var a = await NewCompanyAsync("Entreprise A SAS");
        var b = await NewCompanyAsync("Entreprise B SARL");
        var etag = (await a.Admin.GetAsync("/api/v1/document-templates/Invoice")).Headers.ETag;
        await (await PutAsync(a.Admin, "Invoice", Body(footer: "Pied de page secret de A"), etag)).ShouldHaveStatus(HttpStatusCode.OK);

        var bTemplate = await (await b.Admin.GetAsync("/api/v1/document-templates/Invoice")).Json();
        bTemplate.GetProperty("footerText").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        PdfText.All(await (await b.Admin.GetAsync("/api/v1/document-templates/Invoice/preview")).Content.ReadAsByteArrayAsync()).ShouldNotContain("secret de A");

        var (sales, _, _) = await NewUserAsync(a, "Sales");
        await (await sales.GetAsync("/api/v1/document-templates/Invoice")).ShouldHaveStatus(HttpStatusCode.OK);
        await (await sales.GetAsync("/api/v1/document-templates/Invoice/preview")).ShouldHaveStatus(HttpStatusCode.OK);
        var salesEtag = (await sales.GetAsync("/api/v1/document-templates/Invoice")).Headers.ETag;
        await (await PutAsync(sales, "Invoice", Body(), salesEtag)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public void Placeholders_are_filled_with_french_formatting()
    {
        var text = TemplatePlaceholders.Fill("Facture {number} de {amount} due le {dueDate} pour {customerName} – {companyName} {inconnu}",
            new TemplatePlaceholderValues("FA-2026-00042", 1766.62m, new DateOnly(2026, 12, 20), "Menuiserie Durand SARL", "Atelier Koban"));
        text.Replace('\u00A0', ' ').ShouldBe("Facture FA-2026-00042 de 1 766,62 € due le 20/12/2026 pour Menuiserie Durand SARL – Atelier Koban {inconnu}");
        TemplatePlaceholders.FirstUnknown("{number} {amount} {dueDate} {customerName} {companyName}").ShouldBeNull();
        TemplatePlaceholders.FirstUnknown("Bonjour {Client}").ShouldBe("Client");
    }
}
