using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Koban.Api.Tests.Infrastructure;

/// <summary>Base of the HTTP tests. Each test isolates itself by signing up a company of its own (the product is
/// multi-company, so this is the isolation users get too), arranging everything through the public API.</summary>
public abstract class ApiTest
{
    protected static ApiFactory Factory => Koban.Api.Tests.ApiTestSetup.Factory;

    protected const string Password = "Test-Password-2026";

    protected static HttpClient Anonymous(ApiFactory? factory = null) =>
        (factory ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    protected static string UniqueEmail(string who = "user") => $"{who}.{Guid.NewGuid():N}@test.koban.fr";

    /// <summary>Signs up a fresh company and returns its Admin, signed in.</summary>
    protected static async Task<TestCompany> NewCompanyAsync(string name = "Société de test SAS", ApiFactory? factory = null)
    {
        var email = UniqueEmail("admin");
        var anonymous = Anonymous(factory);
        var signup = await anonymous.PostAsJsonAsync("/api/v1/signup", new { companyName = name, adminEmail = email, adminDisplayName = "Admin Test", adminPassword = Password });
        await signup.ShouldHaveStatus(HttpStatusCode.Created);
        var body = await signup.Json();
        var admin = await SignInAsync(email, Password, factory);
        return new TestCompany(body.GetProperty("companyId").GetGuid(), email, admin, factory ?? Factory);
    }

    protected static async Task<HttpClient> SignInAsync(string email, string password, ApiFactory? factory = null)
    {
        var client = Anonymous(factory);
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        UseCsrfToken(client, response);
        return client;
    }

    /// <summary>What the SPA does: echo the XSRF-TOKEN cookie in X-XSRF-TOKEN on unsafe requests.</summary>
    protected static void UseCsrfToken(HttpClient client, HttpResponseMessage response)
    {
        var token = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).LastOrDefault(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal))?["XSRF-TOKEN=".Length..]
            : null;
        if (token is null) return;
        client.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(token));
    }

    /// <summary>Creates a user of the role and returns them signed in, temporary password already changed.</summary>
    protected static async Task<(HttpClient Client, Guid Id, string Email)> NewUserAsync(TestCompany company, string role)
    {
        var email = UniqueEmail(role.ToLowerInvariant());
        var created = await company.Admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = $"{role} Test", role, temporaryPassword = "Temporary-Pass-2026" });
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var id = (await created.Json()).GetProperty("id").GetGuid();
        var client = await SignInAsync(email, "Temporary-Pass-2026", company.Factory);
        var change = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = "Temporary-Pass-2026", newPassword = Password });
        await change.ShouldHaveStatus(HttpStatusCode.NoContent);
        UseCsrfToken(client, change);
        return (client, id, email);
    }

    protected static async Task<(HttpClient Client, Guid Id, string Key)> NewApiKeyAsync(TestCompany company, params string[] scopes)
    {
        var created = await company.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Intégration de test", scopes });
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var body = await created.Json();
        var key = body.GetProperty("key").GetString()!;
        var client = company.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return (client, body.GetProperty("apiKey").GetProperty("id").GetGuid(), key);
    }
}

public sealed record TestCompany(Guid Id, string AdminEmail, HttpClient Admin, ApiFactory Factory);

public static class HttpAssertions
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task ShouldHaveStatus(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and code.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        await response.ShouldHaveStatus(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = await response.Json();
        body.GetProperty("status").GetInt32().ShouldBe((int)status);
        body.GetProperty("code").GetString().ShouldBe(code);
        body.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return body;
    }

    public static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, EntityTagHeaderValue? etag)
    {
        if (etag is not null) request.Headers.IfMatch.Add(etag);
        return request;
    }
}
