using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Pdf.Tests;
using MimeKit;

namespace Koban.Api.Tests.Features.Deliveries;

public sealed class DeliveryNoteTests : ApiTest
{
    /// <summary>A validated order of 5 chairs at 80 € (deliverable) and 12 h of fitting (a service, not deliverable).</summary>
    internal sealed record Delivery(TestCompany Company, Guid CustomerId, Guid OrderId, string OrderNumber, Guid Chairs, Guid Fitting);

    /// <summary>In a new company with a complete profile, or in <paramref name="catalog"/>'s company (its profile as it is).</summary>
    internal static async Task<Delivery> OrderAsync(bool validate = true, SalesFlowTests.Catalog? catalog = null)
    {
        var c = catalog ?? await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        if (catalog is null)
        {
            var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
            await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag)))
                .ShouldHaveStatus(HttpStatusCode.OK);
        }
        var chairs = await SalesFlowTests.Post(admin, "/api/v1/products", new
        {
            code = "CHAISE-CHENE",
            name = "Chaise chêne",
            description = "Chaise en chêne massif",
            unitCode = "C62",
            unitPrice = 80m,
            vatRate = 20m,
            nature = "Goods",
            forSale = true,
            deliverable = true,
            isContract = false,
        }, HttpStatusCode.Created);
        var order = await SalesFlowTests.Post(admin, "/api/v1/orders", new
        {
            customerId = c.CustomerId,
            customerReference = "BC-DURAND-77",
            lines = new object[]
            {
                new { kind = "Product", productId = chairs.GetProperty("id").GetGuid(), quantity = 5m },
                new { kind = "Product", productId = c.ProductId, quantity = 12m },
            },
        }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        var number = "";
        if (validate) number = (await SalesFlowTests.Post(admin, $"/api/v1/orders/{orderId}/validate")).GetProperty("number").GetString()!;
        var lines = order.GetProperty("lines");
        return new Delivery(c.Company, c.CustomerId, orderId, number, lines[0].GetProperty("id").GetGuid(), lines[1].GetProperty("id").GetGuid());
    }

    internal static async Task<JsonElement> NoteAsync(HttpClient client, Guid orderId, Guid orderLineId, decimal quantity, bool showPrices = false) =>
        await SalesFlowTests.Post(client, "/api/v1/delivery-notes", new { orderId, lines = new[] { new { orderLineId, quantity } }, showPrices }, HttpStatusCode.Created);

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    private static async Task<JsonElement> Deliveries(HttpClient client, Guid orderId) => await (await client.GetAsync($"/api/v1/orders/{orderId}/deliveries")).Json();

    private static JsonElement Line(JsonElement deliveries, Guid orderLineId) =>
        deliveries.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("orderLineId").GetGuid() == orderLineId);

    [Test]
    public async Task An_order_delivered_in_two_notes_then_invoiced_on_delivery_bills_exactly_the_delivered_quantities_once()
    {
        var d = await OrderAsync();
        var admin = d.Company.Admin;
        var before = await Deliveries(admin, d.OrderId);
        before.GetProperty("deliveryStatus").GetString().ShouldBe("NotDelivered");
        Line(before, d.Fitting).GetProperty("deliverable").GetBoolean().ShouldBeFalse("a service is not deliverable");
        Line(before, d.Chairs).GetProperty("leftToDeliverQuantity").GetDecimal().ShouldBe(5m);

        var first = await NoteAsync(admin, d.OrderId, d.Chairs, 2m);
        first.GetProperty("status").GetString().ShouldBe("Draft");
        first.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("orderNumber").GetString().ShouldBe(d.OrderNumber);
        first.GetProperty("customerReference").GetString().ShouldBe("BC-DURAND-77");
        first.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal().ShouldBe(80m);
        var today = CompanyDates.ParisToday;
        var validated = await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(first)}/validate", new { issueDate = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        validated.GetProperty("number").GetString()!.ShouldMatch(@"^BL-\d{4}-0*1$");
        var delivered = await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(first)}/deliver", new { deliveredOn = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), receivedBy = "Claire Durand" });
        delivered.GetProperty("status").GetString().ShouldBe("Delivered");

        var partial = await Deliveries(admin, d.OrderId);
        partial.GetProperty("deliveryStatus").GetString().ShouldBe("PartiallyDelivered");
        Line(partial, d.Chairs).GetProperty("deliveredQuantity").GetDecimal().ShouldBe(2m);
        Line(partial, d.Chairs).GetProperty("leftToDeliverQuantity").GetDecimal().ShouldBe(3m);

        var second = await SalesFlowTests.Post(admin, "/api/v1/delivery-notes", new { orderId = d.OrderId }, HttpStatusCode.Created);
        second.GetProperty("lines").GetArrayLength().ShouldBe(1, "without lines: every deliverable line left");
        second.GetProperty("lines")[0].GetProperty("quantity").GetDecimal().ShouldBe(3m);
        var secondNumber = (await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(second)}/validate")).GetProperty("number").GetString()!;
        secondNumber.ShouldMatch(@"^BL-\d{4}-0*2$");
        (await Deliveries(admin, d.OrderId)).GetProperty("deliveryStatus").GetString().ShouldBe("Delivered");
        (await Deliveries(admin, d.OrderId)).GetProperty("notes").GetArrayLength().ShouldBe(2);
        await (await admin.PostAsJsonAsync("/api/v1/delivery-notes", new { orderId = d.OrderId })).ShouldBeProblem(HttpStatusCode.Conflict, "nothing_left_to_deliver");

        var invoice = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { Id(first), Id(second) } }, HttpStatusCode.Created);
        invoice.GetProperty("kind").GetString().ShouldBe("Intermediate");
        var line = invoice.GetProperty("lines").EnumerateArray().Single();
        line.GetProperty("quantity").GetDecimal().ShouldBe(5m, "exactly the delivered quantities, summed per order line");
        line.GetProperty("netAmount").GetDecimal().ShouldBe(400m);
        invoice.GetProperty("saleDate").GetString().ShouldBe(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "the latest delivery: the second note's date");
        invoice.GetProperty("comment").GetString().ShouldBe(
            $"Livraisons : {validated.GetProperty("number").GetString()} du {today.AddDays(-1):dd/MM/yyyy}, {secondNumber} du {today:dd/MM/yyyy}");
        var invoiceId = Id(invoice);
        (await (await admin.GetAsync($"/api/v1/delivery-notes/{Id(first)}")).Json()).GetProperty("invoiceId").GetGuid().ShouldBe(invoiceId);

        await (await admin.PostAsJsonAsync("/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { Id(second) } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "delivery_note_invoiced");
        await (await admin.PostAsJsonAsync($"/api/v1/delivery-notes/{Id(first)}/cancel", new { reason = "Erreur" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "delivery_note_invoiced");

        await (await admin.DeleteAsync($"/api/v1/invoices/{invoiceId}")).ShouldHaveStatus(HttpStatusCode.NoContent);
        (await (await admin.GetAsync($"/api/v1/delivery-notes/{Id(first)}")).Json()).GetProperty("invoiceId").ValueKind.ShouldBe(JsonValueKind.Null, "a deleted draft gives its notes back");

        var again = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { Id(second), Id(first) } }, HttpStatusCode.Created);
        var final = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{Id(again)}/validate");
        final.GetProperty("number").GetString()!.ShouldMatch(@"^FA-\d{4}-00001$");
        final.GetProperty("totals").GetProperty("totalExcludingVat").GetDecimal().ShouldBe(400m);
        var pdf = PdfText.Flat(PdfText.All(await (await admin.GetAsync($"/api/v1/invoices/{Id(again)}/pdf")).Content.ReadAsByteArrayAsync()));
        pdf.ShouldContain($"Livraisons : {secondNumber} du {today:dd/MM/yyyy}");
        var order = await (await admin.GetAsync($"/api/v1/orders/{d.OrderId}")).Json();
        order.GetProperty("billing").GetProperty("leftToInvoiceExcludingVat").GetDecimal().ShouldBe(780m, "the fitting is still to invoice");
        var ledgerLines = order.GetProperty("billing").GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("orderLineId").GetGuid(), l => l.GetProperty("deliveredQuantity").GetDecimal());
        ledgerLines[d.Chairs].ShouldBe(5m, "the order's own billing ledger counts what the notes delivered");
    }

    [Test]
    public async Task An_order_with_a_validated_note_can_no_longer_be_cancelled_and_a_cancelled_note_frees_it_again()
    {
        var d = await OrderAsync();
        var admin = d.Company.Admin;
        var note = await NoteAsync(admin, d.OrderId, d.Chairs, 1m);
        await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(note)}/validate");
        await (await admin.PostAsJsonAsync($"/api/v1/orders/{d.OrderId}/cancel", new { reason = "Client parti" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "order_has_invoicing_or_delivery");
        await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(note)}/cancel", new { reason = "Erreur de saisie" });
        (await SalesFlowTests.Post(admin, $"/api/v1/orders/{d.OrderId}/cancel", new { reason = "Client parti" })).GetProperty("status").GetString().ShouldBe("Cancelled");
    }

    [Test]
    public async Task Refusals_name_the_field_over_delivery_non_deliverable_line_draft_order_unknown_order_and_bad_input_never_a_500()
    {
        var d = await OrderAsync();
        var admin = d.Company.Admin;
        var over = await (await admin.PostAsJsonAsync("/api/v1/delivery-notes", new { orderId = d.OrderId, lines = new[] { new { orderLineId = d.Chairs, quantity = 5.001m } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "beyond_left_to_deliver");
        over.GetRawText().ShouldContain("lines[0].quantity");
        var service = await (await admin.PostAsJsonAsync("/api/v1/delivery-notes", new { orderId = d.OrderId, lines = new[] { new { orderLineId = d.Fitting, quantity = 1m } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "order_line_not_deliverable");
        service.GetRawText().ShouldContain("lines[0].orderLineId");
        await (await admin.PostAsJsonAsync("/api/v1/delivery-notes", new { orderId = Guid.NewGuid() })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        (await (await admin.PostAsJsonAsync("/api/v1/delivery-notes", new { orderId = d.OrderId, lines = new[] { new { orderLineId = Guid.NewGuid(), quantity = 1m } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found")).GetRawText().ShouldContain("lines[0].orderLineId");

        var draft = await OrderAsync(validate: false);
        await (await draft.Company.Admin.PostAsJsonAsync("/api/v1/delivery-notes", new { orderId = draft.OrderId })).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_validated");

        foreach (var body in new[]
        {
            "{}", "null", "[]", """{"orderId":"pas-un-guid"}""", $$"""{"orderId":"{{d.OrderId}}","lines":[{"orderLineId":"{{d.Chairs}}","quantity":"deux"}]}""",
            $$"""{"orderId":"{{d.OrderId}}","lines":[{"orderLineId":"{{d.Chairs}}","quantity":1e30}]}""", $$"""{"orderId":"{{d.OrderId}}","lines":[]}""",
            $$"""{"orderId":"{{d.OrderId}}","lines":[null]}""", $$"""{"orderId":"{{d.OrderId}}","lines":[{"orderLineId":"{{d.Chairs}}","quantity":-1}]}""",
            $$"""{"orderId":"{{d.OrderId}}","remarks":"{{new string('x', 5000)}}"}""",
        })
        {
            var response = await admin.PostAsync("/api/v1/delivery-notes", new StringContent(body, Encoding.UTF8, "application/json"));
            ((int)response.StatusCode).ShouldBeInRange(400, 422, $"{body[..Math.Min(60, body.Length)]}: {await response.Content.ReadAsStringAsync()}");
        }

        var note = await NoteAsync(admin, d.OrderId, d.Chairs, 1m);
        var id = Id(note);
        await (await admin.PostAsJsonAsync("/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { id } })).ShouldBeProblem(HttpStatusCode.Conflict, "delivery_note_not_invoiceable");
        await (await admin.PostAsJsonAsync($"/api/v1/delivery-notes/{id}/deliver", new { deliveredOn = "2026-01-01", receivedBy = "X" })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        await (await admin.PostAsJsonAsync($"/api/v1/delivery-notes/{id}/cancel", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        (await admin.PutAsJsonAsync($"/api/v1/delivery-notes/{id}", new { })).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);

        var today = CompanyDates.ParisToday;
        var validated = await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{id}/validate");
        await (await admin.PostAsJsonAsync($"/api/v1/delivery-notes/{id}/validate", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        var etag = (await admin.GetAsync($"/api/v1/delivery-notes/{id}")).Headers.ETag;
        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/delivery-notes/{id}") { Content = JsonContent.Create(new { remarks = "x" }) }.WithIfMatch(etag)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "document_frozen");
        await (await admin.DeleteAsync($"/api/v1/delivery-notes/{id}")).ShouldBeProblem(HttpStatusCode.Conflict, "document_not_deletable");
        var early = await (await admin.PostAsJsonAsync($"/api/v1/delivery-notes/{id}/deliver", new { deliveredOn = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), receivedBy = "X" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "delivery_date_before_issue");
        early.GetRawText().ShouldContain("deliveredOn");
        (await (await admin.PostAsJsonAsync($"/api/v1/delivery-notes/{id}/deliver", new { deliveredOn = today })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed"))
            .GetRawText().ShouldContain("receivedBy");
        await (await admin.PostAsJsonAsync($"/api/v1/delivery-notes/{id}/cancel", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var cancelled = await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{id}/cancel", new { reason = "Colis refusé" });
        cancelled.GetProperty("status").GetString().ShouldBe("Cancelled");
        cancelled.GetProperty("number").GetString().ShouldBe(validated.GetProperty("number").GetString(), "a cancelled note keeps its number");
        Line(await Deliveries(admin, d.OrderId), d.Chairs).GetProperty("leftToDeliverQuantity").GetDecimal().ShouldBe(5m, "cancelling gives the quantities back");
        await (await admin.PostAsJsonAsync("/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { id } })).ShouldBeProblem(HttpStatusCode.Conflict, "delivery_note_not_invoiceable");
        await (await admin.PostAsJsonAsync("/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { id, id } })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = Array.Empty<Guid>() })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var other = await OrderAsync();
        var otherNote = await NoteAsync(other.Company.Admin, other.OrderId, other.Chairs, 1m);
        await SalesFlowTests.Post(other.Company.Admin, $"/api/v1/delivery-notes/{Id(otherNote)}/validate");
        var mine = await NoteAsync(admin, d.OrderId, d.Chairs, 1m);
        await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(mine)}/validate");
        var foreign = await (await admin.PostAsJsonAsync("/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { Id(mine), Id(otherNote) } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        foreign.GetRawText().ShouldContain("deliveryNoteIds[1]", customMessage: "another company's note is an unknown reference");
    }

    [Test]
    public async Task A_draft_is_edited_with_its_ETag_and_deleted_and_the_list_filters_by_order_status_and_search()
    {
        var d = await OrderAsync();
        var admin = d.Company.Admin;
        var note = await NoteAsync(admin, d.OrderId, d.Chairs, 1m);
        var id = Id(note);
        var get = await admin.GetAsync($"/api/v1/delivery-notes/{id}");
        var etag = get.Headers.ETag;
        var put = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/delivery-notes/{id}")
        {
            Content = JsonContent.Create(new
            {
                lines = new[] { new { orderLineId = d.Chairs, quantity = 4.5m } },
                plannedDate = "2026-12-20",
                deliveryAddress = new { line1 = "8 rue du Dépôt", postalCode = "69007", city = "Lyon", countryCode = "FR" },
                remarks = "Quai n° 3",
                showPrices = true,
            }),
        }.WithIfMatch(etag));
        await put.ShouldHaveStatus(HttpStatusCode.OK);
        var updated = await put.Json();
        updated.GetProperty("lines")[0].GetProperty("quantity").GetDecimal().ShouldBe(4.5m);
        updated.GetProperty("deliveryAddress").GetProperty("line1").GetString().ShouldBe("8 rue du Dépôt");
        updated.GetProperty("showPrices").GetBoolean().ShouldBeTrue();
        updated.GetProperty("totalExcludingVat").GetDecimal().ShouldBe(360m);
        var stale = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/delivery-notes/{id}") { Content = JsonContent.Create(new { remarks = "x" }) }.WithIfMatch(etag));
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var kept = await NoteAsync(admin, d.OrderId, d.Chairs, 2m);
        var number = (await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(kept)}/validate")).GetProperty("number").GetString()!;
        var list = await (await admin.GetAsync($"/api/v1/delivery-notes?orderId={d.OrderId}")).Json();
        list.GetProperty("items").GetArrayLength().ShouldBe(2);
        var validatedOnly = await (await admin.GetAsync("/api/v1/delivery-notes?status=Validated")).Json();
        validatedOnly.GetProperty("items").EnumerateArray().Select(Id).ShouldBe([Id(kept)]);
        var searched = await (await admin.GetAsync($"/api/v1/delivery-notes?search={number}")).Json();
        searched.GetProperty("items").EnumerateArray().Single().GetProperty("totalQuantity").GetDecimal().ShouldBe(2m);
        (await (await admin.GetAsync($"/api/v1/delivery-notes?customerId={d.CustomerId}&sort=-issueDate&limit=1")).Json()).GetProperty("hasMore").GetBoolean().ShouldBeTrue();
        await (await admin.GetAsync("/api/v1/delivery-notes?sort=prix")).ShouldBeProblem(HttpStatusCode.BadRequest, "sort_unknown");

        await (await admin.DeleteAsync($"/api/v1/delivery-notes/{id}")).ShouldHaveStatus(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/delivery-notes/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var history = await (await admin.GetAsync($"/api/v1/audit-events?entityId={Id(kept)}")).Json();
        history.GetRawText().ShouldContain("deliveryNote.validated");
    }

    [Test]
    public async Task Two_validations_in_parallel_on_one_order_never_over_deliver_and_the_refused_one_takes_no_number()
    {
        var d = await OrderAsync();
        var admin = d.Company.Admin;
        var first = await NoteAsync(admin, d.OrderId, d.Chairs, 3m);
        var second = await NoteAsync(admin, d.OrderId, d.Chairs, 3m);
        var responses = await Task.WhenAll(
            admin.PostAsJsonAsync($"/api/v1/delivery-notes/{Id(first)}/validate", new { }),
            admin.PostAsJsonAsync($"/api/v1/delivery-notes/{Id(second)}/validate", new { }));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var refused = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
        await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "beyond_left_to_deliver");
        Line(await Deliveries(admin, d.OrderId), d.Chairs).GetProperty("deliveredQuantity").GetDecimal().ShouldBe(3m);

        var third = await NoteAsync(admin, d.OrderId, d.Chairs, 2m);
        (await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(third)}/validate")).GetProperty("number").GetString()!.ShouldMatch(@"^BL-\d{4}-0*2$", "gapless");
    }

    [Test]
    public async Task Deliveries_and_a_cancellation_of_one_note_in_parallel_queue_on_its_lock()
    {
        var d = await OrderAsync();
        var admin = d.Company.Admin;
        var today = CompanyDates.ParisToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var twice = await NoteAsync(admin, d.OrderId, d.Chairs, 2m);
        await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(twice)}/validate");
        var delivered = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            admin.PostAsJsonAsync($"/api/v1/delivery-notes/{Id(twice)}/deliver", new { deliveredOn = today, receivedBy = $"Réceptionnaire {i}" })));
        delivered.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, "the second delivery finds the note delivered");
        await delivered.Single(r => r.StatusCode != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");

        var raced = await NoteAsync(admin, d.OrderId, d.Chairs, 3m);
        await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(raced)}/validate");
        var responses = await Task.WhenAll(
            admin.PostAsJsonAsync($"/api/v1/delivery-notes/{Id(raced)}/deliver", new { deliveredOn = today, receivedBy = "Claire Durand" }),
            admin.PostAsJsonAsync($"/api/v1/delivery-notes/{Id(raced)}/cancel", new { reason = "Commande modifiée" }));
        await responses[1].ShouldHaveStatus(HttpStatusCode.OK);
        if (responses[0].StatusCode != HttpStatusCode.OK)
            await responses[0].ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition"); // cancelled first: nothing left to deliver
        (await (await admin.GetAsync($"/api/v1/delivery-notes/{Id(raced)}")).Json()).GetProperty("status").GetString().ShouldBe("Cancelled");
        Line(await Deliveries(admin, d.OrderId), d.Chairs).GetProperty("leftToDeliverQuantity").GetDecimal().ShouldBe(3m, "the cancelled note gave its chairs back");
    }

    [Test]
    public async Task Two_invoicings_of_one_note_in_parallel_make_one_invoice()
    {
        var d = await OrderAsync();
        var admin = d.Company.Admin;
        var note = await NoteAsync(admin, d.OrderId, d.Chairs, 2m);
        await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(note)}/validate");
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            admin.PostAsJsonAsync("/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { Id(note) } })));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        await responses.Single(r => r.StatusCode != HttpStatusCode.Created).ShouldBeProblem(HttpStatusCode.Conflict, "delivery_note_invoiced");
        (await (await admin.GetAsync($"/api/v1/invoices?orderId={d.OrderId}")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task Another_companys_notes_and_orders_are_unknown()
    {
        var a = await OrderAsync();
        var note = await NoteAsync(a.Company.Admin, a.OrderId, a.Chairs, 1m);
        var id = Id(note);
        var b = await NewCompanyAsync("Entreprise B SARL");
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"/api/v1/delivery-notes/{id}"), (HttpMethod.Get, $"/api/v1/delivery-notes/{id}/pdf"), (HttpMethod.Get, $"/api/v1/delivery-notes/{id}/emails"),
            (HttpMethod.Delete, $"/api/v1/delivery-notes/{id}"), (HttpMethod.Post, $"/api/v1/delivery-notes/{id}/validate"), (HttpMethod.Get, $"/api/v1/orders/{a.OrderId}/deliveries"),
        })
        {
            (await b.Admin.SendAsync(new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? JsonContent.Create(new { }) : null })).StatusCode
                .ShouldBe(HttpStatusCode.NotFound, $"{method} {path}");
        }
        await (await b.Admin.PostAsJsonAsync("/api/v1/delivery-notes", new { orderId = a.OrderId })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        (await (await b.Admin.GetAsync("/api/v1/delivery-notes")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await (await a.Company.Admin.GetAsync($"/api/v1/delivery-notes/{id}")).Json()).GetProperty("status").GetString().ShouldBe("Draft", "A's note is untouched");
    }

    [Test]
    public async Task Viewer_and_accountant_read_sales_writes_and_api_keys_follow_their_scopes()
    {
        var d = await OrderAsync();
        var note = await NoteAsync(d.Company.Admin, d.OrderId, d.Chairs, 1m);
        var create = new { orderId = d.OrderId, lines = new[] { new { orderLineId = d.Chairs, quantity = 1m } } };
        foreach (var role in new[] { "Viewer", "Accountant" })
        {
            var (client, _, _) = await NewUserAsync(d.Company, role);
            (await client.GetAsync($"/api/v1/delivery-notes/{Id(note)}")).StatusCode.ShouldBe(HttpStatusCode.OK, role);
            (await client.GetAsync($"/api/v1/orders/{d.OrderId}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.OK, role);
            await (await client.PostAsJsonAsync("/api/v1/delivery-notes", create)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
            await (await client.PostAsJsonAsync($"/api/v1/delivery-notes/{Id(note)}/validate", new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }
        var (sales, _, _) = await NewUserAsync(d.Company, "Sales");
        var made = await NoteAsync(sales, d.OrderId, d.Chairs, 1m);
        await SalesFlowTests.Post(sales, $"/api/v1/delivery-notes/{Id(made)}/validate");
        await (await sales.PostAsJsonAsync("/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { Id(made) } })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        var (reader, _, _) = await NewApiKeyAsync(d.Company, "delivery-notes:read");
        (await reader.GetAsync("/api/v1/delivery-notes")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.PostAsJsonAsync("/api/v1/delivery-notes", create)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (writer, _, _) = await NewApiKeyAsync(d.Company, "delivery-notes:write");
        (await writer.PostAsJsonAsync("/api/v1/delivery-notes", create)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (stranger, _, _) = await NewApiKeyAsync(d.Company, "invoices:read");
        (await stranger.GetAsync("/api/v1/delivery-notes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_PDF_prints_the_number_order_and_quantities_and_prices_only_when_the_note_shows_them()
    {
        var d = await OrderAsync();
        var admin = d.Company.Admin;
        var note = await NoteAsync(admin, d.OrderId, d.Chairs, 2.5m);
        var draft = PdfText.Flat(PdfText.All(await (await admin.GetAsync($"/api/v1/delivery-notes/{Id(note)}/pdf")).Content.ReadAsByteArrayAsync()));
        draft.ShouldContain("BROUILLON");
        draft.ShouldContain("APERÇU — sans valeur");

        var number = (await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(note)}/validate")).GetProperty("number").GetString()!;
        var response = await admin.GetAsync($"/api/v1/delivery-notes/{Id(note)}/pdf");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = PdfText.Flat(PdfText.All(await response.Content.ReadAsByteArrayAsync()));
        foreach (var expected in new[] { "Bon de livraison", number, d.OrderNumber, "BC-DURAND-77", "Chaise chêne", "2,5", "Reçu par", "Signature" })
            text.ShouldContain(expected, Case.Sensitive, $"«{expected}» missing from:\n{text}");
        text.ShouldNotContain("80,00", customMessage: "no prices unless the note shows them");
        text.ShouldNotContain("BROUILLON");

        var priced = await NoteAsync(admin, d.OrderId, d.Chairs, 2m, showPrices: true);
        var pricedText = PdfText.Flat(PdfText.All(await (await admin.GetAsync($"/api/v1/delivery-notes/{Id(priced)}/pdf")).Content.ReadAsByteArrayAsync()));
        pricedText.ShouldContain("80,00");
        pricedText.ShouldContain("160,00");
    }

    [Test]
    public async Task A_validated_note_is_emailed_with_its_PDF_over_SMTP_and_listed_while_a_draft_is_refused()
    {
        var d = await OrderAsync();
        var admin = d.Company.Admin;
        var note = await NoteAsync(admin, d.OrderId, d.Chairs, 1m);
        var to = UniqueEmail("reception");
        await (await admin.PostAsJsonAsync($"/api/v1/delivery-notes/{Id(note)}/send", new { to = new[] { to } })).ShouldBeProblem(HttpStatusCode.Conflict, "document_not_validated");
        var number = (await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(note)}/validate")).GetProperty("number").GetString()!;

        var sent = await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{Id(note)}/send", new { to = new[] { to } });
        sent.GetProperty("subject").GetString()!.ShouldContain($"Bon de livraison {number}");
        sent.GetProperty("attachment").GetString().ShouldBe($"Bon de livraison {number}.pdf");

        var mail = (await ApiTestSetup.Smtp.WaitForAsync(to)).Single();
        (mail.Message.Subject ?? "").ShouldContain(number);
        var attachment = mail.Message.Attachments.OfType<MimePart>().Single();
        attachment.FileName.ShouldBe($"Bon de livraison {number}.pdf");
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        PdfText.Flat(PdfText.All(bytes.ToArray())).ShouldContain(number);

        var emails = await (await admin.GetAsync($"/api/v1/delivery-notes/{Id(note)}/emails")).Json();
        emails.GetArrayLength().ShouldBe(1);
        emails[0].GetProperty("entityType").GetString().ShouldBe("delivery_note");
    }
}
