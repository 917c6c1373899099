using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Koban.Api.Tests.Features.Security;

/// <summary>Sessions end on the server: a copy of a cookie kept by an attacker (or a browser that ignored the deletion)
/// is refused once the session ended, whatever ended it.</summary>
public sealed class SessionTests : ApiTest
{
    /// <summary>Signs in and returns the raw session cookie (<c>koban.auth=…</c>) with a client using it.</summary>
    private static async Task<(string Cookie, HttpClient Client)> SessionAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        UseCsrfToken(client, response);
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("koban.auth=", StringComparison.Ordinal));
        return (cookie, client);
    }

    /// <summary>A bare client presenting the cookie as captured, as a replaying attacker would.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(string cookie)
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Test]
    public async Task A_cookie_replayed_after_logout_is_refused_while_the_users_other_sessions_go_on()
    {
        var company = await NewCompanyAsync();
        var (cookie, client) = await SessionAsync(company.AdminEmail, Password);
        var (otherCookie, _) = await SessionAsync(company.AdminEmail, Password);
        await (await ReplayAsync(cookie)).ShouldHaveStatus(HttpStatusCode.OK);

        await (await client.PostAsync("/api/v1/auth/logout", null)).ShouldHaveStatus(HttpStatusCode.NoContent);

        await (await ReplayAsync(cookie)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await ReplayAsync(otherCookie)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_password_change_ends_the_users_other_sessions_and_keeps_this_one()
    {
        var company = await NewCompanyAsync();
        var (cookie, client) = await SessionAsync(company.AdminEmail, Password);
        var (otherCookie, _) = await SessionAsync(company.AdminEmail, Password);
        var change = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = Password, newPassword = "Another-Secret-2027" });
        await change.ShouldHaveStatus(HttpStatusCode.NoContent);

        await (await ReplayAsync(otherCookie)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await ReplayAsync(cookie)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated"); // the old cookie of this session too
        await (await client.GetAsync("/api/v1/auth/me")).ShouldHaveStatus(HttpStatusCode.OK); // re-issued with the new stamp
    }

    [Test]
    public async Task Deactivating_a_user_ends_their_sessions()
    {
        var company = await NewCompanyAsync();
        var (_, id, email) = await NewUserAsync(company, "Sales");
        var (cookie, _) = await SessionAsync(email, Password);
        var get = await company.Admin.GetAsync($"/api/v1/users/{id}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}")
        {
            Content = JsonContent.Create(new { displayName = "Sales Test", role = "Sales", isActive = false }),
        }.WithIfMatch(get.Headers.ETag);
        await (await company.Admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);
        await (await ReplayAsync(cookie)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
