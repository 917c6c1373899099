using System.Net;
using System.Text.Json;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Pdf.Tests;
using Npgsql;

namespace Koban.Api.Tests.Features.Invoicing;

/// <summary>
/// "Aperçu PDF" of a draft (issue 11): rendered from the draft, marked as a preview on every page and in its file name,
/// and never archived — no stored file, no fingerprint, no number taken.
/// </summary>
public sealed class DraftPreviewTests : ApiTest
{
    private const string Mark = "APERÇU — sans valeur";

    [Test]
    public async Task Previewing_a_draft_invoice_then_a_draft_credit_note_stores_nothing_and_takes_no_number()
    {
        var b = await InvoicingFlowTests.ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;
        var companyId = b.Catalog.Company.Id;
        var draft = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Full" }, HttpStatusCode.Created);
        var invoiceId = draft.GetProperty("id").GetGuid();
        var before = await StoredAsync(companyId);

        await PreviewAsync(admin, $"/api/v1/invoices/{invoiceId}/pdf", "Facture brouillon (aperçu).pdf");
        await PreviewAsync(admin, $"/api/v1/invoices/{invoiceId}/pdf", "Facture brouillon (aperçu).pdf");

        (await StoredAsync(companyId)).ShouldBe(before, "a preview writes no file and no archive row");
        var stillDraft = await (await admin.GetAsync($"/api/v1/invoices/{invoiceId}")).Json();
        stillDraft.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);
        stillDraft.GetProperty("fingerprint").ValueKind.ShouldBe(JsonValueKind.Null);
        var invoice = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{invoiceId}/validate");
        invoice.GetProperty("number").GetString()!.ShouldMatch(@"^FA-\d{4}-00001$", "previews consumed no number");
        var validatedPdf = await admin.GetAsync($"/api/v1/invoices/{invoiceId}/pdf");
        PdfText.All(await validatedPdf.Content.ReadAsByteArrayAsync()).ShouldNotContain("APERÇU", Case.Sensitive, "the archived invoice is the real one");

        var line = invoice.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("kind").GetString() == "Product");
        var note = await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new
        {
            invoiceId,
            reason = "Correction",
            mode = "Lines",
            reasonText = "Une ligne facturée en trop",
            lines = new[] { new { invoiceLineId = line.GetProperty("id").GetGuid(), quantity = 1m } },
        }, HttpStatusCode.Created);
        var noteId = note.GetProperty("id").GetGuid();
        var afterInvoice = await StoredAsync(companyId);

        await PreviewAsync(admin, $"/api/v1/credit-notes/{noteId}/pdf", "Avoir brouillon (aperçu).pdf");

        (await StoredAsync(companyId)).ShouldBe(afterInvoice);
        (await (await admin.GetAsync($"/api/v1/credit-notes/{noteId}")).Json()).GetProperty("fingerprint").ValueKind.ShouldBe(JsonValueKind.Null);
        (await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{noteId}/validate")).GetProperty("number").GetString()!.ShouldMatch(@"^AV-\d{4}-00001$");
    }

    [Test]
    public async Task Draft_quotes_and_orders_print_the_preview_mark_and_numbered_ones_do_not()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var quote = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/quotes", new { customerId = c.CustomerId, validUntil = "2099-12-31", lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created);
        var quoteId = quote.GetProperty("id").GetGuid();
        await PreviewAsync(c.Company.Admin, $"/api/v1/quotes/{quoteId}/pdf", "Devis brouillon (aperçu).pdf");
        var order = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created);
        await PreviewAsync(c.Company.Admin, $"/api/v1/orders/{order.GetProperty("id").GetGuid()}/pdf", "Bon de commande brouillon (aperçu).pdf");

        await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/quotes/{quoteId}/send");
        var sent = await c.Company.Admin.GetAsync($"/api/v1/quotes/{quoteId}/pdf");
        await sent.ShouldHaveStatus(HttpStatusCode.OK);
        PdfText.All(await sent.Content.ReadAsByteArrayAsync()).ShouldNotContain("APERÇU");
        sent.Content.Headers.ContentDisposition!.FileNameStar!.ShouldNotContain("aperçu");
    }

    private static async Task PreviewAsync(HttpClient client, string path, string fileName)
    {
        var response = await client.GetAsync(path);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(fileName);
        var pages = PdfText.Pages(await response.Content.ReadAsByteArrayAsync());
        foreach (var page in pages)
        {
            var text = PdfText.Flat(page);
            text.ShouldContain("BROUILLON");
            text.ShouldContain(Mark, Case.Sensitive, $"every page of a preview carries the mark:\n{text}");
        }
    }

    /// <summary>Stored files and archive rows of the company, read as the owner (past row-level security).</summary>
    private static async Task<(long Files, long Archives)> StoredAsync(Guid companyId)
    {
        await using var owner = new NpgsqlConnection(Factory.Database.Owner);
        await owner.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT set_config('koban.system', 'on', false);
            SELECT (SELECT count(*) FROM stored_files WHERE company_id = @c), (SELECT count(*) FROM archived_documents WHERE company_id = @c);
            """, owner);
        command.Parameters.AddWithValue("c", companyId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
