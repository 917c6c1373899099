using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Security;

/// <summary>
/// Behind a TLS-terminating proxy: <c>X-Forwarded-Proto</c> is believed from the configured proxies only, and in
/// Production every cookie is <c>Secure</c> and HSTS is sent whatever the scheme the API itself sees.
/// </summary>
public sealed class TransportSecurityTests : ApiTest
{
    private const string Proxy = "10.20.30.40";
    private const string PeerHeader = "X-Test-Peer";

    /// <summary>Gives each test request the TCP peer address it names in <see cref="PeerHeader"/> (the test server has
    /// no socket), before the application's own pipeline runs.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate inner) =>
            {
                if (http.Request.Headers.TryGetValue(PeerHeader, out var peer)) http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return inner(http);
            });
            next(app);
        };
    }

    private static ApiFactory Host(string environment) => new(Factory.Database, ApiFactory.NoBackgroundWork(new()
    {
        ["environment"] = environment,
        ["Koban:ForwardedHeaders:KnownProxies"] = Proxy,
        ["Koban:ForwardedHeaders:KnownNetworks"] = "192.168.77.0/24",
    }), s => s.AddSingleton<IStartupFilter, PeerAddress>());

    private static async Task<HttpResponseMessage> SignInAsync(ApiFactory host, string email, string? peer, string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password = Password }) };
        if (peer is not null) request.Headers.Add(PeerHeader, peer);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var response = await Anonymous(host).SendAsync(request);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return response;
    }

    private static IReadOnlyList<string> Cookies(HttpResponseMessage response) =>
        [.. response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("koban.auth=", StringComparison.Ordinal) || c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal) || c.StartsWith("koban.af=", StringComparison.Ordinal))];

    private static bool IsSecure(string cookie) => cookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    [Test]
    public async Task Forwarded_https_from_a_configured_proxy_makes_cookies_Secure_and_sends_HSTS_and_is_ignored_from_anyone_else()
    {
        var company = await NewCompanyAsync();
        await using var host = Host("Testing");

        foreach (var proxy in new[] { Proxy, "192.168.77.9" })
        {
            var trusted = await SignInAsync(host, company.AdminEmail, proxy, "https");
            Cookies(trusted).ShouldContain(c => c.StartsWith("koban.auth=", StringComparison.Ordinal));
            Cookies(trusted).ShouldAllBe(c => IsSecure(c));
            trusted.Headers.TryGetValues("Strict-Transport-Security", out var hsts).ShouldBeTrue();
            hsts!.Single().ShouldStartWith("max-age=");
        }

        var spoofed = await SignInAsync(host, company.AdminEmail, "203.0.113.5", "https");
        Cookies(spoofed).ShouldAllBe(c => !IsSecure(c));
        spoofed.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Test]
    public async Task In_Production_every_cookie_is_Secure_and_HSTS_is_sent_even_when_the_proxy_says_nothing()
    {
        var company = await NewCompanyAsync();
        await using var host = Host("Production");
        var response = await SignInAsync(host, company.AdminEmail, "203.0.113.5", null);
        Cookies(response).ShouldContain(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        Cookies(response).ShouldAllBe(c => IsSecure(c));
        response.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }
}
