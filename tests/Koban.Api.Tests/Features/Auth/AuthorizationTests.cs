using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Auth;

public sealed class AuthorizationTests : ApiTest
{
    [TestCase("Viewer")]
    [TestCase("Sales")]
    [TestCase("Accountant")]
    public async Task Only_an_Admin_manages_users_and_API_keys(string role)
    {
        var company = await NewCompanyAsync();
        var (user, _, _) = await NewUserAsync(company, role);
        await (await user.GetAsync("/api/v1/users")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await user.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "customers:read" } })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await user.GetAsync("/api/v1/company")).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_viewer_reads_the_company_profile_but_cannot_change_it()
    {
        var company = await NewCompanyAsync();
        var (viewer, _, _) = await NewUserAsync(company, "Viewer");
        var get = await viewer.GetAsync("/api/v1/company");
        await get.ShouldHaveStatus(HttpStatusCode.OK);
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(new { legalName = "Piratée" }) };
        request.Headers.IfMatch.Add(get.Headers.ETag!);
        await (await viewer.SendAsync(request)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var me = await (await viewer.GetAsync("/api/v1/auth/me")).Json();
        me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldNotContain("company:write");
    }

    [Test]
    public async Task Deactivating_a_user_ends_their_session_at_once()
    {
        var company = await NewCompanyAsync();
        var (sales, id, _) = await NewUserAsync(company, "Sales");
        var get = await company.Admin.GetAsync($"/api/v1/users/{id}");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}") { Content = JsonContent.Create(new { displayName = "Parti", role = "Sales", isActive = false }) };
        request.Headers.IfMatch.Add(get.Headers.ETag!);
        await (await company.Admin.SendAsync(request)).ShouldHaveStatus(HttpStatusCode.OK);
        await (await sales.GetAsync("/api/v1/company")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
