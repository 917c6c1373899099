using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;
using Koban.Pdf.Tests;

namespace Koban.Api.Tests.Features.Sales;

public sealed class SalesPdfTests : ApiTest
{
    [Test]
    public async Task A_quote_prints_as_a_draft_then_with_its_number_once_sent()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var goods = await (await c.Company.Admin.PostAsJsonAsync("/api/v1/products", new
        {
            code = "ETAGERE",
            name = "Étagère chêne massif",
            unitCode = "C62",
            unitPrice = 375.5m,
            vatRate = 20m,
            nature = "Goods",
            forSale = true,
            deliverable = true,
            isContract = false,
        })).Json();
        object[] lines =
        [
            new { kind = "Title", description = "Agencement" },
            new { kind = "Product", productId = c.ProductId, quantity = 12m },
            new { kind = "Product", productId = goods.GetProperty("id").GetGuid(), quantity = 2m, discountPercent = 10m },
        ];
        var quote = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/quotes", new { customerId = c.CustomerId, validUntil = "2099-12-31", lines }, HttpStatusCode.Created);
        var id = quote.GetProperty("id").GetGuid();

        var draft = await c.Company.Admin.GetAsync($"/api/v1/quotes/{id}/pdf");
        await draft.ShouldHaveStatus(HttpStatusCode.OK);
        draft.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        draft.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Devis brouillon (aperçu).pdf");
        var draftText = PdfText.Flat(PdfText.All(await draft.Content.ReadAsByteArrayAsync()));
        draftText.ShouldContain("BROUILLON");
        draftText.ShouldContain("Valable jusqu'au : 31/12/2099");
        draftText.ShouldContain("Menuiserie Durand SARL");
        draftText.ShouldContain("Pose et réglage 12 heure 65,00 20 % 780,00");
        draftText.ShouldContain("Nature de l'opération : Livraison de biens et prestation de services");
        draftText.ShouldContain("Total HT 1 455,90 €");
        draftText.ShouldContain("Total TTC 1 747,08 €");
        draftText.ShouldContain("Indemnité forfaitaire pour frais de recouvrement : 40 €");

        var sent = await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/quotes/{id}/send");
        var number = sent.GetProperty("number").GetString()!;
        var pdf = await c.Company.Admin.GetAsync($"/api/v1/quotes/{id}/pdf");
        pdf.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"Devis {number}.pdf");
        pdf.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        PdfText.Flat(PdfText.All(await pdf.Content.ReadAsByteArrayAsync())).ShouldContain($"N° {number}");
    }

    [Test]
    public async Task An_order_prints_its_references_delivery_address_and_texts_with_the_order_template()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var template = await c.Company.Admin.GetAsync("/api/v1/document-templates/Order");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/document-templates/Order")
        {
            Content = JsonContent.Create(DocumentTemplates.DocumentTemplateTests.Body(footer: "Pied de page des commandes")),
        }.WithIfMatch(template.Headers.ETag);
        await (await c.Company.Admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);

        var quoteId = await SalesFlowTests.AcceptedQuoteAsync(c, null);
        var order = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/orders/from-quote", new { quoteId }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        var quote = await (await c.Company.Admin.GetAsync($"/api/v1/quotes/{quoteId}")).Json();
        var get = await c.Company.Admin.GetAsync($"/api/v1/orders/{orderId}");
        var body = await get.Json();
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orders/{orderId}")
        {
            Content = JsonContent.Create(new
            {
                customerId = c.CustomerId,
                orderDate = body.GetProperty("orderDate").GetString(),
                paymentTerms = new { kind = "Days", days = 30 },
                paymentMethod = "Cheque",
                currency = "EUR",
                customerReference = "BC-2026-118",
                headerText = "Commande passée lors du salon de Lyon",
                generalComment = "Livraison un mardi",
                deliveryAddress = new { line1 = "ZA des Pins", postalCode = "69400", city = "Villefranche-sur-Saône", countryCode = "FR" },
                lines = SalesFlowTests.Lines(c.ProductId),
            }),
        }.WithIfMatch(get.Headers.ETag);
        await (await c.Company.Admin.SendAsync(update)).ShouldHaveStatus(HttpStatusCode.OK);
        await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/orders/{orderId}/validate");

        var pdf = await c.Company.Admin.GetAsync($"/api/v1/orders/{orderId}/pdf");
        await pdf.ShouldHaveStatus(HttpStatusCode.OK);
        var number = (await (await c.Company.Admin.GetAsync($"/api/v1/orders/{orderId}")).Json()).GetProperty("number").GetString()!;
        pdf.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"Bon de commande {number}.pdf");
        var text = PdfText.Flat(PdfText.All(await pdf.Content.ReadAsByteArrayAsync()));
        text.ShouldContain("Bon de commande");
        text.ShouldContain($"N° {number}");
        text.ShouldContain($"Devis n° {quote.GetProperty("number").GetString()}");
        text.ShouldContain("Votre référence (bon de commande) : BC-2026-118");
        text.ShouldContain("Adresse de livraison");
        text.ShouldContain("ZA des Pins");
        text.ShouldContain("À l'attention de Claire Durand");
        text.ShouldContain("SIREN : 404 833 048");
        text.ShouldContain("Commande passée lors du salon de Lyon");
        text.ShouldContain("Livraison un mardi");
        text.ShouldContain("Mode de paiement : Chèque");
        text.ShouldContain("Conditions de paiement : 30 jours à compter de la date de facture");
        text.ShouldContain("Pied de page des commandes");
        text.ShouldContain("Page 1 / 1");
        text.ShouldNotContain("Nature de l'opération", customMessage: "a free line at 20 % does not say whether it sold goods or services");
    }

    [Test]
    public async Task Another_companys_document_is_not_found()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var order = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created);
        var other = await NewCompanyAsync("Autre SARL");
        await (await other.Admin.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/pdf")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.Admin.GetAsync($"/api/v1/quotes/{Guid.CreateVersion7()}/pdf")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }
}
