using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Receivables;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Numbering;

/// <summary>
/// <c>GET /api/v1/numbering/{type}/issue-date-range</c> is exactly what the validation accepts (issue 11: "the validation
/// date picker offers dates the server refuses"): the day before <c>earliest</c> is refused, <c>earliest</c> and
/// <c>latest</c> accepted, the day after <c>latest</c> refused; the range follows the company's own series only; every
/// role that may read the document type reads it.
/// </summary>
public sealed class IssueDateRangeTests : ApiTest
{
    private static readonly DateOnly Today = ReceivablesTests.ParisToday();

    private static async Task<(DateOnly Earliest, string Reason, DateOnly? Latest)> RangeAsync(HttpClient client, string type)
    {
        var response = await client.GetAsync($"/api/v1/numbering/{type}/issue-date-range");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var body = await response.Json();
        body.GetProperty("documentType").GetString().ShouldBe(type);
        var latest = body.GetProperty("latest");
        return (DateOnly.Parse(body.GetProperty("earliest").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            body.GetProperty("earliestReason").GetString()!,
            latest.ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(latest.GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<Func<Task<Guid>>> InvoiceDraftsAsync(TestCompany company)
    {
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        var profile = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(Companies.CompanyProfileTests.Profile()) }.WithIfMatch(etag);
        await (await company.Admin.SendAsync(profile)).ShouldHaveStatus(HttpStatusCode.OK);
        var (customer, _) = await CustomerTests.CreateAsync(company.Admin, CustomerTests.Business());
        return async () => (await SalesFlowTests.Post(company.Admin, "/api/v1/invoices", new
        {
            customerId = customer.GetProperty("id").GetGuid(),
            lines = new[] { new { kind = "Free", description = "Conseil", quantity = 1m, unitCode = "C62", unitPrice = 100m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> ValidateAsync(TestCompany company, Guid invoice, DateOnly date) =>
        company.Admin.PostAsJsonAsync($"/api/v1/invoices/{invoice}/validate", new { issueDate = date });

    [Test]
    public async Task The_invoice_range_is_exactly_what_the_validation_accepts_before_and_after_the_first_invoice()
    {
        var company = await NewCompanyAsync();
        var draft = await InvoiceDraftsAsync(company);

        var empty = await RangeAsync(company.Admin, "Invoice");
        empty.Reason.ShouldBe("FirstFiscalYear", "an empty series starts at the first fiscal year kept");
        empty.Earliest.ShouldBeLessThan(Today.AddYears(-1).AddDays(1));
        empty.Latest.ShouldBe(Today);
        var first = await draft();
        await (await ValidateAsync(company, first, empty.Earliest.AddDays(-1))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "date_before_first_fiscal_year");
        await (await ValidateAsync(company, first, empty.Latest!.Value.AddDays(1))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "issue_date_in_future");
        var lastDate = Today.AddDays(-3);
        await (await ValidateAsync(company, first, lastDate)).ShouldHaveStatus(HttpStatusCode.OK);

        var after = await RangeAsync(company.Admin, "Invoice");
        after.ShouldBe((lastDate, "LastNumberedDocument", Today));
        var second = await draft();
        await (await ValidateAsync(company, second, after.Earliest.AddDays(-1))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "numbering_backdated");
        await (await ValidateAsync(company, second, after.Latest!.Value.AddDays(1))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "issue_date_in_future");
        await (await ValidateAsync(company, second, after.Earliest)).ShouldHaveStatus(HttpStatusCode.OK);
        var third = await draft();
        await (await ValidateAsync(company, third, after.Latest!.Value)).ShouldHaveStatus(HttpStatusCode.OK);
        (await RangeAsync(company.Admin, "Invoice")).Earliest.ShouldBe(Today);

        (await RangeAsync(company.Admin, "CreditNote")).ShouldBe(empty, "each type has its own series");
        (await RangeAsync(company.Admin, "Order")).Latest.ShouldBeNull("an order is numbered with its own date, not bounded by today");

        var other = await NewCompanyAsync("Autre société SAS");
        await InvoiceDraftsAsync(other); // the same profile (fiscal year) as the first company
        (await RangeAsync(other.Admin, "Invoice")).ShouldBe(empty, "another company's series never shows");
    }

    [Test]
    public async Task Every_role_reads_the_range_of_the_types_it_may_read_and_a_key_without_that_scope_is_refused()
    {
        var company = await NewCompanyAsync();
        var empty = await RangeAsync(company.Admin, "Invoice");
        var clients = new List<(string Role, HttpClient Client)> { ("Admin", company.Admin) };
        foreach (var role in new[] { "Sales", "Accountant", "Viewer" }) clients.Add((role, (await NewUserAsync(company, role)).Client));
        foreach (var (role, client) in clients)
        {
            foreach (var type in new[] { "Quote", "Order", "Invoice", "CreditNote" })
                (await RangeAsync(client, type)).Earliest.ShouldBe(empty.Earliest, $"{role} {type}");
            await (await client.GetAsync("/api/v1/numbering/DeliveryNote/issue-date-range")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        }

        var (narrow, _, _) = await NewApiKeyAsync(company, "company:read", "quotes:read");
        (await RangeAsync(narrow, "Quote")).Latest.ShouldBe(Today);
        await (await narrow.GetAsync("/api/v1/numbering/Invoice/issue-date-range")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var (invoicing, _, _) = await NewApiKeyAsync(company, "company:read", "invoices:write");
        (await RangeAsync(invoicing, "Invoice")).Latest.ShouldBe(Today);
        await (await Anonymous().GetAsync("/api/v1/numbering/Invoice/issue-date-range")).ShouldHaveStatus(HttpStatusCode.Unauthorized);
    }
}
