using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Koban.Api.Tests.Features.Invoicing;

public sealed class SendDocumentTests : ApiTest
{
    [Test]
    public async Task Sending_a_validated_invoice_mails_its_archived_PDF_to_the_billing_contact_and_cc_over_SMTP_and_records_it()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var factory = await OwnMailHostAsync(smtp);
        var company = await NewCompanyAsync(factory: factory);
        var admin = company.Admin;
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        var (customer, _) = await CustomerTests.CreateAsync(admin, CustomerTests.Business());
        var draft = await SalesFlowTests.Post(admin, "/api/v1/invoices", new
        {
            customerId = customer.GetProperty("id").GetGuid(),
            lines = new[] { new { kind = "Free", description = "Audit de l'atelier", quantity = 1m, unitCode = "DAY", unitPrice = 640m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/invoices/{id}/send", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "document_not_validated");

        var invoice = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{id}/validate");
        var number = invoice.GetProperty("number").GetString()!;
        var sent = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{id}/send", new { cc = new[] { "direction@durand.fr" } });
        sent.GetProperty("to").EnumerateArray().Select(a => a.GetString()).ShouldBe(["claire@durand.fr"], "the billing contact by default");
        sent.GetProperty("subject").GetString()!.ShouldContain(number);

        var mail = (await smtp.WaitForAsync("claire@durand.fr")).Single();
        mail.Recipients.ShouldBe(["claire@durand.fr", "direction@durand.fr"], ignoreOrder: true);
        (mail.Message.Subject ?? "").ShouldContain(number);
        mail.Text.ShouldContain("768,00");
        var attachment = mail.Message.Attachments.OfType<MimePart>().Single();
        attachment.FileName.ShouldBe($"Facture {number}.pdf");
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        var archived = await (await admin.GetAsync($"/api/v1/invoices/{id}/pdf")).Content.ReadAsByteArrayAsync();
        bytes.ToArray().ShouldBe(archived, "the attachment is the archived PDF, byte for byte");

        var emails = await (await admin.GetAsync($"/api/v1/invoices/{id}/emails")).Json();
        emails.GetArrayLength().ShouldBe(1);
        emails[0].GetProperty("status").GetString().ShouldBe("Sent", "the sender's pass recorded the delivery before returning");
        var history = (await (await admin.GetAsync($"/api/v1/invoices/{id}")).Json()).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        history.ShouldContain("invoice.sent");
    }

    [Test]
    public async Task A_sent_quote_and_a_validated_order_are_emailed_with_their_PDF_while_a_draft_quote_is_refused()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var factory = await OwnMailHostAsync(smtp);
        var company = await NewCompanyAsync(factory: factory);
        var admin = company.Admin;
        var (customer, _) = await CustomerTests.CreateAsync(admin, CustomerTests.Business());
        var customerId = customer.GetProperty("id").GetGuid();
        object[] lines = [new { kind = "Free", description = "Étude", quantity = 1m, unitCode = "DAY", unitPrice = 500m, vatRate = 20m, nature = "Service" }];
        var quote = await SalesFlowTests.Post(admin, "/api/v1/quotes", new { customerId, validUntil = "2099-12-31", lines }, HttpStatusCode.Created);
        var quoteId = quote.GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/quotes/{quoteId}/email", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "document_not_validated");
        var sentQuote = await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/send");
        await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/email", new { to = new[] { "achats@durand.fr" } });
        var quoteMail = (await smtp.WaitForAsync("achats@durand.fr")).Single();
        quoteMail.Message.Attachments.OfType<MimePart>().Single().FileName!.ShouldContain(sentQuote.GetProperty("number").GetString()!);

        var order = await SalesFlowTests.Post(admin, "/api/v1/orders", new { customerId, lines }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/orders/{orderId}/validate");
        await SalesFlowTests.Post(admin, $"/api/v1/orders/{orderId}/send");
        var orderMail = (await smtp.WaitForAsync("claire@durand.fr")).Single();
        orderMail.Message.Attachments.OfType<MimePart>().Single().ContentType.MimeType.ShouldBe("application/pdf");
        (await (await admin.GetAsync($"/api/v1/orders/{orderId}/emails")).Json()).GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task A_quote_is_emailed_again_after_its_acceptance_to_typed_and_contact_addresses_listed_on_it_and_a_bad_address_is_refused_by_name()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var factory = await OwnMailHostAsync(smtp);
        var company = await NewCompanyAsync(factory: factory);
        var admin = company.Admin;
        var (customer, _) = await CustomerTests.CreateAsync(admin, CustomerTests.Business());
        object[] lines = [new { kind = "Free", description = "Étude", quantity = 1m, unitCode = "DAY", unitPrice = 500m, vatRate = 20m, nature = "Service" }];
        var quote = await SalesFlowTests.Post(admin, "/api/v1/quotes", new { customerId = customer.GetProperty("id").GetGuid(), validUntil = "2099-12-31", lines }, HttpStatusCode.Created);
        var quoteId = quote.GetProperty("id").GetGuid();
        var number = (await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/send")).GetProperty("number").GetString()!;

        var bad = await (await admin.PostAsJsonAsync($"/api/v1/quotes/{quoteId}/email", new { to = new[] { "claire@durand.fr", "pas une adresse" } })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        bad.GetProperty("errors").TryGetProperty("to[1]", out _).ShouldBeTrue(bad.ToString());

        var first = await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/email", new { });
        first.GetProperty("to").EnumerateArray().Select(a => a.GetString()).ShouldBe(["claire@durand.fr"], "the billing contact by default");
        first.GetProperty("subject").GetString()!.ShouldContain(number, Case.Sensitive, "the template's subject with its number");
        (await smtp.WaitForAsync("claire@durand.fr")).Single().Message.Attachments.OfType<MimePart>().Single().FileName.ShouldBe($"Devis {number}.pdf");

        await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/accept");
        await SalesFlowTests.Post(admin, $"/api/v1/quotes/{quoteId}/email", new { to = new[] { "achats@durand.fr" }, cc = new[] { "claire@durand.fr" }, subject = $"Devis {number} accepté", body = "Merci." });
        var again = (await smtp.WaitForAsync("achats@durand.fr")).Single();
        again.Recipients.ShouldBe(["achats@durand.fr", "claire@durand.fr"], ignoreOrder: true);
        again.Message.Subject.ShouldBe($"Devis {number} accepté");

        var emails = await (await admin.GetAsync($"/api/v1/quotes/{quoteId}/emails")).Json();
        emails.GetArrayLength().ShouldBe(2, "both e-mails are listed on the quote");
        emails.EnumerateArray().Select(e => e.GetProperty("status").GetString()).ShouldAllBe(s => s == "Sent");
    }

    /// <summary>A host on the shared database whose mail goes to <paramref name="smtp"/> when the test waits for it. Mail
    /// earlier tests left queued is delivered to the shared server first, so this test's server gets only its own.</summary>
    private static async Task<ApiFactory> OwnMailHostAsync(TestSmtpServer smtp)
    {
        await ApiTestSetup.DeliverQueuedMailAsync();
        var settings = ApiFactory.MailTo(smtp);
        settings["Koban:Database:Migrate"] = "false";
        var factory = new ApiFactory(Factory.Database, settings);
        smtp.DeliveredBy(factory);
        return factory;
    }
}

/// <summary>The class "a document's e-mail action fails": every POST …/send or …/email route that mails a document is
/// called here on a real validated document, and a new one without a case fails the first test.</summary>
public sealed class SendActionTests : ApiTest
{
    private static readonly string[] Covered = ["/api/v1/invoices/{id:guid}/send", "/api/v1/credit-notes/{id:guid}/send", "/api/v1/orders/{id:guid}/send", "/api/v1/quotes/{id:guid}/email",
        "/api/v1/delivery-notes/{id:guid}/send"];

    [Test]
    public void Every_mailing_action_of_the_API_is_covered_by_this_class()
    {
        var routes = Factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(r => r.EndsWith("/email", StringComparison.Ordinal)
                || (r.EndsWith("/send", StringComparison.Ordinal) && r != "/api/v1/quotes/{id:guid}/send"))
            .ToList();
        // POST /quotes/{id}/send marks a quote sent (it numbers it); the quote's e-mail is POST /quotes/{id}/email.
        routes.ShouldBe(Covered, ignoreOrder: true);
    }

    [TestCase("invoice")]
    [TestCase("creditNote")]
    [TestCase("order")]
    [TestCase("quote")]
    [TestCase("deliveryNote")]
    public async Task Sending_a_validated_document_queues_its_mail_and_lists_it(string type)
    {
        var company = await NewCompanyAsync();
        var admin = company.Admin;
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        var (customer, _) = await CustomerTests.CreateAsync(admin, CustomerTests.Business());
        var customerId = customer.GetProperty("id").GetGuid();
        object[] lines = [new { kind = "Free", description = "Audit de l'atelier", quantity = 1m, unitCode = "DAY", unitPrice = 640m, vatRate = 20m, nature = "Service" }];

        string path;
        Guid id;
        switch (type)
        {
            case "deliveryNote":
                var delivery = await Deliveries.DeliveryNoteTests.OrderAsync();
                admin = delivery.Company.Admin;
                id = (await Deliveries.DeliveryNoteTests.NoteAsync(admin, delivery.OrderId, delivery.Chairs, 1m)).GetProperty("id").GetGuid();
                await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{id}/validate");
                path = $"/api/v1/delivery-notes/{id}";
                break;
            case "quote":
                id = (await SalesFlowTests.Post(admin, "/api/v1/quotes", new { customerId, validUntil = "2099-12-31", lines }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
                await SalesFlowTests.Post(admin, $"/api/v1/quotes/{id}/send");
                path = $"/api/v1/quotes/{id}";
                break;
            case "order":
                id = (await SalesFlowTests.Post(admin, "/api/v1/orders", new { customerId, lines }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
                await SalesFlowTests.Post(admin, $"/api/v1/orders/{id}/validate");
                path = $"/api/v1/orders/{id}";
                break;
            default:
                var invoiceId = (await SalesFlowTests.Post(admin, "/api/v1/invoices", new { customerId, lines }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
                await SalesFlowTests.Post(admin, $"/api/v1/invoices/{invoiceId}/validate");
                if (type == "invoice")
                {
                    id = invoiceId;
                    path = $"/api/v1/invoices/{id}";
                    break;
                }
                id = (await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new { invoiceId, reason = "CommercialDiscount", mode = "Full" }, HttpStatusCode.Created))
                    .GetProperty("id").GetGuid();
                await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{id}/validate");
                path = $"/api/v1/credit-notes/{id}";
                break;
        }

        var sent = await SalesFlowTests.Post(admin, $"{path}/{(type == "quote" ? "email" : "send")}", new { to = new[] { "compta@durand.fr" } });

        sent.GetProperty("to").EnumerateArray().Select(a => a.GetString()).ShouldBe(["compta@durand.fr"]);
        sent.GetProperty("attachment").GetString()!.ShouldEndWith(".pdf");
        sent.GetProperty("emails").GetArrayLength().ShouldBe(1);
        var listed = await (await admin.GetAsync($"{path}/emails")).Json();
        listed.GetArrayLength().ShouldBe(1);
        var entityType = listed[0].GetProperty("entityType").GetString()!;
        var byEntity = await (await admin.GetAsync($"/api/v1/emails?entityType={entityType}&entityId={id}")).Json();
        byEntity.GetProperty("items").GetArrayLength().ShouldBe(1, "the general e-mail list finds the mail under the type it was filed with");
    }
}
