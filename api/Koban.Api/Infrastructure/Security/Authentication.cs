using System.Security.Claims;
using System.Text.Encodings.Web;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koban.Api.Infrastructure.Security;

public static class KobanAuthentication
{
    public const string Scheme = "koban";
    public const string CookieScheme = "koban-cookie";
    public const string ApiKeyScheme = "koban-api-key";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string CookieName = "koban.auth";

    public static IServiceCollection AddKobanAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API key", o =>
                o.ForwardDefaultSelector = http => http.Request.Headers.ContainsKey(ApiKeyHeader) ? ApiKeyScheme : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure always in Production: TransportSecurity
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null);
        return services;
    }

    public static ClaimsPrincipal PrincipalFor(KobanUser user, Guid sessionId) => new(new ClaimsIdentity(
    [
        new Claim(KobanClaims.SessionId, sessionId.ToString()),
        new Claim(KobanClaims.UserId, user.Id.ToString()),
        new Claim(KobanClaims.CompanyId, user.CompanyId.ToString()),
        new Claim(KobanClaims.DisplayName, user.DisplayName),
        new Claim(KobanClaims.Role, user.Role.ToString()),
        new Claim(KobanClaims.MustChangePassword, user.MustChangePassword ? "true" : "false"),
        new Claim(KobanClaims.SecurityStamp, user.SecurityStamp ?? string.Empty),
    ], CookieScheme, KobanClaims.DisplayName, KobanClaims.Role));

    /// <summary>The server-side session named by a cookie principal (<see cref="Guid.Empty"/> when none).</summary>
    public static Guid SessionIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(KobanClaims.SessionId)?.Value, out var id) ? id : Guid.Empty;

    /// <summary>Ends the caller's server-side session: the cookie, even replayed, is refused from now on.</summary>
    public static async Task EndSessionAsync(HttpContext http)
    {
        var sessionId = SessionIdOf(http.User);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var db = http.RequestServices.GetRequiredService<KobanDbContext>();
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), http.RequestAborted);
        await http.SignOutAsync(CookieScheme);
    }

    /// <summary>What a request's session check reads: the user's state, whether the session is open, and the company's
    /// zone (so that the request's "today" costs no query of its own, see <see cref="CompanyClock.Know"/>).</summary>
    private sealed record SessionCheck(bool IsActive, string? SecurityStamp, UserRole Role, Guid CompanyId, bool Open, string TimeZone);

    /// <summary>Compiled once: every cookie request runs it, and translating it each time was a quarter of the CPU of a
    /// simple read (EF's query cache key is computed from the expression tree on every call).</summary>
    private static readonly Func<KobanDbContext, Guid, Guid, Task<SessionCheck?>> SessionCheckQuery = EF.CompileAsyncQuery(
        (KobanDbContext db, Guid userId, Guid sessionId) => db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new SessionCheck(u.IsActive, u.SecurityStamp, u.Role, u.CompanyId,
                db.UserSessions.IgnoreQueryFilters().Any(s => s.Id == sessionId && s.UserId == u.Id && s.EndedAt == null),
                db.Companies.IgnoreQueryFilters().Where(c => c.Id == u.CompanyId).Select(c => c.TimeZone).FirstOrDefault() ?? "UTC"))
            .FirstOrDefault());

    /// <summary>Every request re-checks the session against the database: the session record must be open (signing out
    /// ends it), and the user row must still match — a deactivated user, a role change or a password change or reset
    /// (new security stamp) ends every session of the user at once.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        if (!Guid.TryParse(context.Principal?.FindFirst(KobanClaims.UserId)?.Value, out var userId))
        {
            context.RejectPrincipal();
            return;
        }
        var sessionId = SessionIdOf(context.Principal!);
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<KobanDbContext>();
        var actor = services.GetRequiredService<CurrentActor>();
        SessionCheck? check;
        bool open;
        // With the company the cookie names, not across companies: a user or session of another company is invisible
        // (and rejected below like any mismatch), and the request's connection is then already set for its caller.
        if (!Guid.TryParse(context.Principal!.FindFirst(KobanClaims.CompanyId)?.Value, out var companyId))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }
        using (actor.EnterCompanyScope(companyId))
        {
            var row = await SessionCheckQuery(db, userId, sessionId);
            open = row?.Open == true;
            check = row;
            if (row is not null && row.CompanyId == companyId) services.GetRequiredService<CompanyClock>().Know(row.TimeZone);
        }
        var principal = context.Principal!;
        if (check is null || !open || !check.IsActive
            || principal.FindFirst(KobanClaims.SecurityStamp)?.Value != check.SecurityStamp
            || principal.FindFirst(KobanClaims.Role)?.Value != check.Role.ToString()
            || principal.FindFirst(KobanClaims.CompanyId)?.Value != check.CompanyId.ToString())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}

public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KobanDbContext db,
    CurrentActor actor,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Compiled once: every API-key request runs it (see the session check of cookie requests).</summary>
    private static readonly Func<KobanDbContext, string, Task<ApiKey?>> KeyByPrefix = EF.CompileAsyncQuery(
        (KobanDbContext db, string prefix) => db.ApiKeys.IgnoreQueryFilters().FirstOrDefault(k => k.Prefix == prefix));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[KobanAuthentication.ApiKeyHeader].ToString();
        if (string.IsNullOrEmpty(presented)) return AuthenticateResult.NoResult();
        if (!ApiKey.TryParsePrefix(presented, out var prefix)) return AuthenticateResult.Fail("Malformed API key.");

        ApiKey? key;
        using (actor.EnterSystemScope())
        {
            key = await KeyByPrefix(db, prefix);
            if (key is null || !key.Matches(presented) || key.IsRevoked) return AuthenticateResult.Fail("Unknown or revoked API key.");
            var now = clock.GetUtcNow();
            if (key.MarkUsed(now))
            {
                // A direct update: concurrent calls with one key must not trip the row's concurrency token.
                await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
            }
            db.Entry(key).State = EntityState.Detached;
        }

        var claims = new List<Claim>
        {
            new(KobanClaims.ApiKeyId, key.Id.ToString()),
            new(KobanClaims.CompanyId, key.CompanyId.ToString()),
            new(KobanClaims.DisplayName, $"API key {key.Name}"),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(KobanClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, KobanClaims.DisplayName, KobanClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
