using System.Net;
using System.Net.Http.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Numbering;

public sealed class NumberingTests : ApiTest
{
    /// <summary>Takes one number the way a validation does: in its own transaction, committed or rolled back.</summary>
    private static async Task<string> IssueAsync(Guid companyId, DocumentType type, DateOnly date, bool commit = true)
    {
        using var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(companyId, null, "test");
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<DocumentNumbers>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var number = await numbers.NextAsync(type, date, "date", CancellationToken.None);
        await db.SaveChangesAsync();
        if (commit) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
        return number;
    }

    [Test]
    public async Task Twenty_concurrent_validations_get_distinct_gapless_numbers()
    {
        var company = await NewCompanyAsync();
        var date = new DateOnly(2026, 11, 28);
        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => IssueAsync(company.Id, DocumentType.Invoice, date)));
        numbers.Order().ShouldBe(Enumerable.Range(1, 20).Select(i => $"FA-2026-{i:00000}"));
    }

    [Test]
    public async Task A_rolled_back_validation_gives_its_number_back()
    {
        var company = await NewCompanyAsync();
        var date = new DateOnly(2026, 3, 1);
        (await IssueAsync(company.Id, DocumentType.Order, date)).ShouldBe("CO-2026-00001");
        (await IssueAsync(company.Id, DocumentType.Order, date, commit: false)).ShouldBe("CO-2026-00002");
        (await IssueAsync(company.Id, DocumentType.Order, date)).ShouldBe("CO-2026-00002");
    }

    [Test]
    public async Task Numbers_never_go_back_in_time_and_restart_each_year()
    {
        var company = await NewCompanyAsync();
        (await IssueAsync(company.Id, DocumentType.Invoice, new DateOnly(2026, 12, 31))).ShouldBe("FA-2026-00001");
        var backdated = await Should.ThrowAsync<Koban.Domain.Common.DomainException>(() => IssueAsync(company.Id, DocumentType.Invoice, new DateOnly(2026, 12, 30)));
        backdated.Code.ShouldBe("numbering_backdated");
        (await IssueAsync(company.Id, DocumentType.Invoice, new DateOnly(2027, 1, 2))).ShouldBe("FA-2027-00001");
    }

    [Test]
    public async Task The_scheme_is_editable_until_the_first_number_then_locked()
    {
        var company = await NewCompanyAsync();
        var get = await company.Admin.GetAsync("/api/v1/numbering/Invoice");
        await get.ShouldHaveStatus(HttpStatusCode.OK);
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/numbering/Invoice")
        {
            Content = JsonContent.Create(new { prefix = "FAC", year = "TwoDigits", separator = "-", padding = 3, resetYearly = true, firstNumber = 42 }),
        }.WithIfMatch(get.Headers.ETag);
        var changed = await company.Admin.SendAsync(put);
        await changed.ShouldHaveStatus(HttpStatusCode.OK);
        (await changed.Json()).GetProperty("example").GetString().ShouldStartWith("FAC");

        (await IssueAsync(company.Id, DocumentType.Invoice, new DateOnly(2026, 5, 4))).ShouldBe("FAC26-042");

        var again = new HttpRequestMessage(HttpMethod.Put, "/api/v1/numbering/Invoice")
        {
            Content = JsonContent.Create(new { prefix = "F", year = "FourDigits", separator = "/", padding = 4, resetYearly = true, firstNumber = 1 }),
        }.WithIfMatch((await company.Admin.GetAsync("/api/v1/numbering/Invoice")).Headers.ETag);
        await (await company.Admin.SendAsync(again)).ShouldBeProblem(HttpStatusCode.Conflict, "numbering_locked");
        var list = await (await company.Admin.GetAsync("/api/v1/numbering")).Json();
        list.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("documentType").GetString() == "Invoice").GetProperty("locked").GetBoolean().ShouldBeTrue();
    }

    [Test]
    public async Task A_yearly_restart_without_the_year_in_the_number_is_refused()
    {
        var company = await NewCompanyAsync();
        var get = await company.Admin.GetAsync("/api/v1/numbering/Quote");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/numbering/Quote")
        {
            Content = JsonContent.Create(new { prefix = "D", year = "None", separator = "", padding = 4, resetYearly = true, firstNumber = 1 }),
        }.WithIfMatch(get.Headers.ETag);
        await (await company.Admin.SendAsync(put)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "numbering_reset_needs_year");
    }
}
