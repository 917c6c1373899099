using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Koban.Api.Infrastructure.Web;

/// <summary>
/// HTTPS behind a TLS-terminating reverse proxy. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only
/// from the proxies listed in <c>Koban:ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>Koban:ForwardedHeaders:KnownNetworks</c> (CIDR ranges), comma-separated or as arrays; with neither set, only
/// loopback is trusted (the framework's default). In Production (or with <c>Koban:SecureTransport=true</c>) every
/// cookie is marked <c>Secure</c> whatever the request's scheme and every response carries HSTS; elsewhere cookies are
/// <c>Secure</c> and HSTS is sent on HTTPS requests only (plain-HTTP development).
/// </summary>
public static class TransportSecurity
{
    public const string Section = "Koban:ForwardedHeaders";
    public const string SecureTransportKey = "Koban:SecureTransport";
    public const string HstsValue = "max-age=31536000";

    /// <summary>True when cookies must always be Secure and HSTS always sent: Production unless configured otherwise.</summary>
    public static bool IsSecureTransport(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(SecureTransportKey, environment.IsProduction());

    public static IServiceCollection AddKobanForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "KnownProxies").Select(v => IPAddress.TryParse(v, out var ip)
            ? ip : throw new InvalidOperationException($"{Section}:KnownProxies: '{v}' is not an IP address.")).ToList();
        var networks = Values(configuration, "KnownNetworks").Select(v => System.Net.IPNetwork.TryParse(v, out var network)
            ? network : throw new InvalidOperationException($"{Section}:KnownNetworks: '{v}' is not a CIDR range.")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count == 0 && networks.Count == 0) return; // loopback only, the framework's default
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
            o.ForwardLimit = null; // every hop from a trusted proxy is honoured, the first untrusted one stops the walk
        });
        return services;
    }

    /// <summary>Honours forwarded headers from the trusted proxies and, under secure transport, marks every cookie the
    /// application writes (session, anti-forgery, XSRF-TOKEN) <c>Secure</c> through the cookie policy — without the
    /// anti-forgery system refusing a request that reached Kestrel over plain HTTP from the proxy.</summary>
    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app, bool secureTransport)
    {
        app.UseForwardedHeaders();
        if (secureTransport) app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
        return app;
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? string.Empty);
        return values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
