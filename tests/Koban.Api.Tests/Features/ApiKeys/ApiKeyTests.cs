using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.ApiKeys;

public sealed class ApiKeyTests : ApiTest
{
    [Test]
    public async Task A_key_is_shown_once_recognisable_by_its_prefix_and_never_listed_again()
    {
        var company = await NewCompanyAsync();
        var (_, id, key) = await NewApiKeyAsync(company, "company:read");
        key.ShouldStartWith("kbn_");
        var list = await (await company.Admin.GetAsync("/api/v1/api-keys")).Json();
        var listed = list.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        listed.ToString().ShouldNotContain(key);
        key.ShouldStartWith(listed.GetProperty("prefix").GetString()!);
    }

    [Test]
    public async Task A_key_acts_within_its_scopes_and_its_last_use_is_recorded()
    {
        var company = await NewCompanyAsync("Scopes SAS");
        var (client, id, _) = await NewApiKeyAsync(company, "company:read");
        var profile = await client.GetAsync("/api/v1/company");
        await profile.ShouldHaveStatus(HttpStatusCode.OK);
        (await profile.Json()).GetProperty("legalName").GetString().ShouldBe("Scopes SAS");
        await (await client.GetAsync("/api/v1/users")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(new { legalName = "x" }) };
        put.Headers.IfMatch.Add(profile.Headers.ETag!);
        await (await client.SendAsync(put)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        var listed = (await (await company.Admin.GetAsync("/api/v1/api-keys")).Json()).GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        listed.GetProperty("lastUsedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
    }

    [Test]
    public async Task A_revoked_key_is_refused()
    {
        var company = await NewCompanyAsync();
        var (client, id, _) = await NewApiKeyAsync(company, "company:read");
        await (await client.GetAsync("/api/v1/company")).ShouldHaveStatus(HttpStatusCode.OK);
        await (await company.Admin.PostAsync($"/api/v1/api-keys/{id}/revoke", null)).ShouldHaveStatus(HttpStatusCode.OK);
        await (await client.GetAsync("/api/v1/company")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Test]
    public async Task A_forged_key_with_a_known_prefix_is_refused()
    {
        var company = await NewCompanyAsync();
        var (_, _, key) = await NewApiKeyAsync(company, "company:read");
        var forged = Anonymous();
        forged.DefaultRequestHeaders.Add("X-Api-Key", key[..15] + new string('A', key.Length - 15));
        await (await forged.GetAsync("/api/v1/company")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Test]
    public async Task An_unknown_scope_is_refused_naming_the_field()
    {
        var company = await NewCompanyAsync();
        var response = await company.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "customers:read", "everything:write" } });
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(n => n.StartsWith("scopes", StringComparison.Ordinal));
    }

    [Test]
    public async Task Write_calls_with_a_key_need_no_CSRF_token()
    {
        var company = await NewCompanyAsync();
        var (client, _, _) = await NewApiKeyAsync(company, "company:write");
        await (await client.DeleteAsync("/api/v1/company/logo")).ShouldHaveStatus(HttpStatusCode.NoContent);
    }
}
