using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Security;

/// <summary>The server generates accounting codes, so the server owns their collisions: parallel creations never blame
/// the client with <c>accounting_code_taken</c>, on one instance or several sharing the database.</summary>
public sealed class AccountingCodeConcurrencyTests : ApiTest
{
    [Test]
    public async Task Forty_parallel_creations_of_one_name_through_two_API_instances_all_succeed_with_distinct_codes()
    {
        var company = await NewCompanyAsync();
        await using var second = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork());
        var clients = new[] { company.Admin, await SignInAsync(company.AdminEmail, Password, second) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            clients[i % 2].PostAsJsonAsync("/api/v1/customers", CustomerTests.Business("Boulangerie Martin", contacts: []))));

        foreach (var response in responses) await response.ShouldHaveStatus(HttpStatusCode.Created);
        var codes = await Task.WhenAll(responses.Select(async r => (await r.Json()).GetProperty("accountingCode").GetString()!));
        codes.Distinct().Count().ShouldBe(40);
        codes.ShouldAllBe(c => c.StartsWith("411", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_code_the_client_chose_that_is_already_used_is_still_its_own_400()
    {
        var company = await NewCompanyAsync();
        var first = await company.Admin.PostAsJsonAsync("/api/v1/customers", CustomerTests.Business("Boulangerie Martin", contacts: []));
        await first.ShouldHaveStatus(HttpStatusCode.Created);
        var code = (await first.Json()).GetProperty("accountingCode").GetString();
        var chosen = await company.Admin.PostAsJsonAsync("/api/v1/customers", CustomerTests.Business("Autre client", accountingCode: code, contacts: []));
        (await chosen.ShouldBeProblem(HttpStatusCode.BadRequest, "accounting_code_taken")).GetProperty("errors").TryGetProperty("accountingCode", out _).ShouldBeTrue();
    }
}
