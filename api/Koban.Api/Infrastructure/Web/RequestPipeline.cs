using Koban.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace Koban.Api.Infrastructure.Web;

public static class RequestPipeline
{
    public const string CsrfCookie = "XSRF-TOKEN";
    public const string CsrfHeader = "X-XSRF-TOKEN";

    /// <summary>Security headers on every response. The SPA is served from the same origin, so the policy can be strict;
    /// Swagger UI needs inline scripts and styles, so it gets its own relaxed policy. Frames may only show <c>blob:</c>
    /// documents: the template settings preview a PDF the SPA fetched (same origin, with the session) in an iframe.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool secureTransport) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/swagger")
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
                : "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            if (http.Request.IsHttps || secureTransport) headers.StrictTransportSecurity = TransportSecurity.HstsValue;
            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>CSRF protection for cookie sessions (double submit, bound to the user by ASP.NET antiforgery):
    /// unsafe requests authenticated by the cookie must echo the XSRF-TOKEN cookie in X-XSRF-TOKEN.
    /// API-key calls carry no ambient credential, so they are exempt.</summary>
    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        var byCookie = http.User.Identity?.AuthenticationType == KobanAuthentication.CookieScheme;
        if (unsafeMethod && byCookie && http.Request.Path.StartsWithSegments("/api"))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                await Problems.WriteAsync(http, Problems.Create(StatusCodes.Status403Forbidden, ApiErrorCodes.CsrfTokenInvalid));
                return;
            }
        }
        await next(http);
    });

    /// <summary>Issues the token the SPA must echo; called after sign-in and by GET /auth/me.</summary>
    public static void IssueCsrfToken(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        http.Response.Cookies.Append(CsrfCookie, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps, // and always in Production: the cookie policy of TransportSecurity marks every cookie
            Path = "/",
        });
    }
}
