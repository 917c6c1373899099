using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;
using static Koban.Api.Tests.Features.Projects.ProjectTests;

namespace Koban.Api.Tests.Features.Projects;

/// <summary>Billable time becomes invoice lines at the project's rate, once; invoiced time is locked until its draft is deleted.</summary>
public sealed class TimeInvoicingTests : ApiTest
{
    [Test]
    public async Task Billable_time_becomes_one_line_per_person_on_a_new_draft_and_is_locked_until_the_draft_is_deleted()
    {
        var s = await ArrangeAsync();
        var (entry, etag) = await EnterWithTagAsync(s.Sales, s.ProjectId, Monday, 100);
        await EnterAsync(s.Sales, s.ProjectId, Monday.AddDays(1), 140);
        await EnterAsync(s.Sales, s.ProjectId, Monday.AddDays(2), 60, billable: false);
        await EnterAsync(s.Company.Admin, s.ProjectId, Monday.AddDays(1), 90);
        await EnterAsync(s.Company.Admin, s.ProjectId, Monday.AddDays(9), 30);

        var (accountant, _, _) = await NewUserAsync(s.Company, "Accountant");
        await (await s.Sales.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var invoiced = await accountant.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { upTo = Monday.AddDays(6) });
        await invoiced.ShouldHaveStatus(HttpStatusCode.OK);
        var result = await invoiced.Json();
        result.GetProperty("newInvoice").GetBoolean().ShouldBeTrue();
        result.GetProperty("entryCount").GetInt32().ShouldBe(3);
        var invoiceId = result.GetProperty("invoiceId").GetGuid();

        var invoice = await (await s.Company.Admin.GetAsync($"/api/v1/invoices/{invoiceId}")).Json();
        invoice.GetProperty("customerId").GetGuid().ShouldBe(s.CustomerId);
        var lines = invoice.GetProperty("lines").EnumerateArray().ToList();
        lines[0].GetProperty("kind").GetString().ShouldBe("Title");
        lines[0].GetProperty("description").GetString()!.ShouldContain(s.Order.GetProperty("number").GetString()!);
        var priced = lines.Skip(1).ToList();
        priced.Count.ShouldBe(2);
        priced.ShouldAllBe(l => l.GetProperty("unitCode").GetString() == "HUR" && l.GetProperty("unitPrice").GetDecimal() == 65.1234m);
        // Sales: 100 + 140 min = 4 h → 260.49; Admin: 90 min = 1.5 h → 97.69
        priced.Select(l => l.GetProperty("quantity").GetDecimal()).Order().ShouldBe([1.5m, 4m]);
        invoice.GetProperty("totals").GetProperty("totalExcludingVat").GetDecimal().ShouldBe(260.49m + 97.69m);
        priced.Single(l => l.GetProperty("quantity").GetDecimal() == 4m).GetProperty("description").GetString().ShouldBe(
            $"Projet {s.Order.GetProperty("number").GetString()} — Sales Test — du 30/11/2026 au 01/12/2026");

        // Locked: not changed, not deleted, not invoiced again.
        var entryId = entry.GetProperty("id").GetGuid();
        await (await s.Sales.SendAsync(Put($"/api/v1/projects/{s.ProjectId}/time-entries/{entryId}", new { date = Monday, minutes = 10 }, etag))).ShouldBeProblem(HttpStatusCode.Conflict, "time_entry_locked");
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/projects/{s.ProjectId}/time-entries/{entryId}").WithIfMatch(System.Net.Http.Headers.EntityTagHeaderValue.Parse(etag!));
        await (await s.Sales.SendAsync(delete)).ShouldBeProblem(HttpStatusCode.Conflict, "time_entry_locked");
        await (await s.Sales.PutAsJsonAsync($"/api/v1/timesheets/{s.SalesId}/2026-11-30", new { cells = new[] { new { projectId = s.ProjectId, date = Monday, minutes = 10 } } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "time_entry_locked");
        await (await accountant.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { entryIds = new[] { entryId } })).ShouldBeProblem(HttpStatusCode.Conflict, "time_entry_locked");
        await (await accountant.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { upTo = Monday.AddDays(6) })).ShouldBeProblem(HttpStatusCode.Conflict, "time_nothing_to_invoice");
        var project = await (await s.Company.Admin.GetAsync($"/api/v1/projects/{s.ProjectId}")).Json();
        project.GetProperty("time").GetProperty("uninvoicedBillableHours").GetDecimal().ShouldBe(0.5m);

        // The rest goes onto the same draft; the draft's deletion gives every entry back.
        var added = await (await accountant.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { invoiceId })).Json();
        added.GetProperty("newInvoice").GetBoolean().ShouldBeFalse();
        (await (await s.Company.Admin.GetAsync($"/api/v1/invoices/{invoiceId}")).Json()).GetProperty("lines").GetArrayLength().ShouldBe(5);
        await (await accountant.DeleteAsync($"/api/v1/invoices/{invoiceId}")).ShouldHaveStatus(HttpStatusCode.NoContent);
        project = await (await s.Company.Admin.GetAsync($"/api/v1/projects/{s.ProjectId}")).Json();
        project.GetProperty("time").GetProperty("uninvoicedBillableHours").GetDecimal().ShouldBe(6m);
        (await (await s.Sales.GetAsync($"/api/v1/time-entries?invoiced=true")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task Invoiced_time_names_its_invoice_as_a_draft_then_by_its_number_once_validated()
    {
        var s = await ArrangeAsync();
        var admin = s.Company.Admin;
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(Companies.CompanyProfileTests.Profile()) }.WithIfMatch(etag)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        var entry = await EnterAsync(s.Sales, s.ProjectId, Monday, 120);
        var entryId = entry.GetProperty("id").GetGuid();
        entry.GetProperty("invoiceNumber").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        entry.GetProperty("invoiceStatus").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "time not invoiced names no invoice");

        var invoiceId = (await (await admin.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { })).Json()).GetProperty("invoiceId").GetGuid();
        var onDraft = await (await s.Sales.GetAsync($"/api/v1/projects/{s.ProjectId}/time-entries/{entryId}")).Json();
        onDraft.GetProperty("invoiceId").GetGuid().ShouldBe(invoiceId);
        onDraft.GetProperty("invoiceStatus").GetString().ShouldBe("Draft");
        onDraft.GetProperty("invoiceNumber").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "a draft has no number yet");
        onDraft.GetProperty("locked").GetBoolean().ShouldBeTrue();

        var number = (await Sales.SalesFlowTests.Post(admin, $"/api/v1/invoices/{invoiceId}/validate")).GetProperty("number").GetString()!;
        var mine = (await (await s.Sales.GetAsync("/api/v1/time-entries?invoiced=true")).Json()).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (mine.GetProperty("invoiceNumber").GetString(), mine.GetProperty("invoiceStatus").GetString()).ShouldBe((number, "Validated"));
        var listed = (await (await admin.GetAsync($"/api/v1/projects/{s.ProjectId}/time-entries")).Json()).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("id").GetGuid() == entryId);
        listed.GetProperty("invoiceNumber").GetString().ShouldBe(number);

        var other = await ArrangeAsync("Autre SAS");
        var foreign = await (await other.Company.Admin.GetAsync("/api/v1/time-entries?invoiced=true")).Json();
        foreign.GetProperty("items").GetArrayLength().ShouldBe(0, "another company sees neither the time nor its invoice");
    }

    [Test]
    public async Task Invoicing_the_same_time_twice_in_parallel_makes_one_invoice()
    {
        var s = await ArrangeAsync();
        await EnterAsync(s.Sales, s.ProjectId, Monday, 120);
        await EnterAsync(s.Sales, s.ProjectId, Monday.AddDays(1), 120);
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => s.Company.Admin.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { })));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.Conflict, "time_nothing_to_invoice");
        var invoices = await (await s.Company.Admin.GetAsync($"/api/v1/invoices?customerId={s.CustomerId}")).Json();
        invoices.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task Time_goes_only_onto_a_draft_of_the_projects_customer()
    {
        var s = await ArrangeAsync();
        await EnterAsync(s.Sales, s.ProjectId, Monday, 120);
        var otherCustomer = (await (await s.Company.Admin.PostAsJsonAsync("/api/v1/customers", Customers.CustomerTests.Business(name: "Autre client", siren: "732829320", vat: null))).Json()).GetProperty("id").GetGuid();
        var foreign = (await Sales.SalesFlowTests.Post(s.Company.Admin, "/api/v1/invoices", new
        {
            customerId = otherCustomer,
            lines = new[] { new { kind = "Free", description = "Divers", quantity = 1m, unitCode = "C62", unitPrice = 10m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await (await s.Company.Admin.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { invoiceId = foreign }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "time_invoice_not_applicable")).GetProperty("errors").TryGetProperty("invoiceId", out _).ShouldBeTrue();
        await (await s.Company.Admin.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { invoiceId = Guid.NewGuid() })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        await (await s.Company.Admin.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { entryIds = new[] { Guid.NewGuid() } })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        (await (await s.Company.Admin.GetAsync($"/api/v1/projects/{s.ProjectId}")).Json()).GetProperty("time").GetProperty("uninvoicedBillableHours").GetDecimal().ShouldBe(2m);
    }
}
