using System.Net;
using System.Net.Http.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Receivables;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Common;
using Koban.Domain.Numbering;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Security;

/// <summary>
/// A numbered document is never dated before the last numbered document of its series — in any earlier year — nor
/// before the first fiscal year Koban keeps for the company (the one before the year it was created here: today for these companies).
/// Every numbered type takes its number through <see cref="DocumentNumbers"/>, so each type is checked there, and the
/// invoice and credit note validations end to end.
/// </summary>
public sealed class BackdatingTests : ApiTest
{
    private static readonly DateOnly Today = ReceivablesTests.ParisToday();

    private static async Task<string> IssueAsync(Guid companyId, DocumentType type, DateOnly date)
    {
        using var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(companyId, null, "test");
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var number = await scope.ServiceProvider.GetRequiredService<DocumentNumbers>().NextAsync(type, date, "date", CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return number;
    }

    [Test]
    public async Task Every_numbered_type_refuses_a_date_before_its_last_document_in_an_earlier_year_or_before_the_first_fiscal_year()
    {
        var company = await NewCompanyAsync();
        var firstYear = new DateOnly(Today.Year - 1, 1, 1);
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            var beforeAnything = await Should.ThrowAsync<DomainException>(() => IssueAsync(company.Id, type, new DateOnly(1, 1, 1)));
            beforeAnything.Code.ShouldBe(ErrorCodes.DateBeforeFirstFiscalYear, type.ToString());
            (await Should.ThrowAsync<DomainException>(() => IssueAsync(company.Id, type, firstYear.AddDays(-1)))).Code.ShouldBe(ErrorCodes.DateBeforeFirstFiscalYear);

            var next = await IssueAsync(company.Id, type, new DateOnly(Today.Year + 1, 1, 5));
            next.ShouldContain($"{Today.Year + 1}-");
            var backdated = await Should.ThrowAsync<DomainException>(() => IssueAsync(company.Id, type, new DateOnly(Today.Year, 12, 31)));
            backdated.Code.ShouldBe(ErrorCodes.NumberingBackdated, $"{type}: the {Today.Year} series must not open behind {next}");
            backdated.Field.ShouldBe("date");
        }
    }

    [Test]
    public async Task Validating_an_invoice_or_a_credit_note_dated_before_the_first_fiscal_year_is_a_422_and_takes_no_number()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        var profile = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(Companies.CompanyProfileTests.Profile()) }.WithIfMatch(etag);
        await (await company.Admin.SendAsync(profile)).ShouldHaveStatus(HttpStatusCode.OK);
        var (customer, _) = await CustomerTests.CreateAsync(company.Admin, CustomerTests.Business());
        async Task<Guid> DraftAsync() => (await SalesFlowTests.Post(company.Admin, "/api/v1/invoices", new
        {
            customerId = customer.GetProperty("id").GetGuid(),
            lines = new[] { new { kind = "Free", description = "Conseil", quantity = 1m, unitCode = "C62", unitPrice = 100m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var invoice = await DraftAsync();
        // A date no calendar of the API accepts (before 1900) is bad input; one before the first fiscal year, a refused rule.
        var ancient = await company.Admin.PostAsJsonAsync($"/api/v1/invoices/{invoice}/validate", new { issueDate = new DateOnly(1, 1, 1) });
        (await ancient.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("issueDate", out _).ShouldBeTrue();
        var refused = await company.Admin.PostAsJsonAsync($"/api/v1/invoices/{invoice}/validate", new { issueDate = new DateOnly(Today.Year - 2, 12, 31) });
        (await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "date_before_first_fiscal_year")).GetProperty("errors").TryGetProperty("issueDate", out _).ShouldBeTrue();
        var validated = await SalesFlowTests.Post(company.Admin, $"/api/v1/invoices/{invoice}/validate", new { issueDate = Today });
        validated.GetProperty("number").GetString().ShouldBe($"FA-{Today.Year}-00001", "the refused attempts took no number");

        var note = (await SalesFlowTests.Post(company.Admin, "/api/v1/credit-notes", new { invoiceId = invoice, reason = "CommercialDiscount", mode = "Amount", amountIncludingVat = 12m },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var early = await company.Admin.PostAsJsonAsync($"/api/v1/credit-notes/{note}/validate", new { issueDate = new DateOnly(Today.Year - 2, 12, 31) });
        await early.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "date_before_first_fiscal_year");

        var second = await DraftAsync();
        var behind = await company.Admin.PostAsJsonAsync($"/api/v1/invoices/{second}/validate", new { issueDate = Today.AddDays(-1) });
        await behind.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "numbering_backdated");
    }
}
