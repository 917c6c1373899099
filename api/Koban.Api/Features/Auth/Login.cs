using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Auth;

public sealed record LoginCommand(string Email, string Password) : ICommand<SignedIn>;

public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
    }
}

/// <summary>A successful sign-in: the user and the server-side session the cookie will name.</summary>
public sealed record SignedIn(KobanUser User, Guid SessionId);

/// <summary>
/// Signs in without telling which addresses have an account: an unknown (or deactivated, or not yet activated) address
/// is checked against a dummy hash with the same hasher and cost as a real password, and failures are counted per
/// address (<see cref="SignInThrottle"/>) whether an account exists or not, so both paths do the same work and give the
/// same answers, <c>account_locked</c> included.
/// </summary>
public sealed class LoginHandler(KobanDbContext db, CurrentActor actor, UserManager<KobanUser> users, AuditLog audit, TimeProvider clock)
    : ICommandHandler<LoginCommand, SignedIn>
{
    private static readonly Lock DummyLock = new();
    private static string? _dummyHash;

    public async ValueTask<SignedIn> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        using var system = actor.EnterSystemScope();
        var now = clock.GetUtcNow();
        var normalized = users.NormalizeEmail(command.Email) ?? string.Empty;
        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        var throttle = await db.SignInThrottles.AsNoTracking().FirstOrDefaultAsync(t => t.NormalizedEmail == normalized, cancellationToken);

        // The hasher runs exactly once on every path, before anything is decided.
        var account = user is { IsActive: true, PasswordHash: not null } ? user : null;
        var verdict = users.PasswordHasher.VerifyHashedPassword(account ?? new KobanUser(), account?.PasswordHash ?? DummyHash(users.PasswordHasher), command.Password);
        if (throttle?.IsLocked(now) == true) throw new UnauthenticatedException(ApiErrorCodes.AccountLocked);
        if (account is null || verdict == PasswordVerificationResult.Failed)
        {
            var locked = await SignInThrottle.RecordFailureAsync(db, normalized, now, cancellationToken);
            throw new UnauthenticatedException(locked ? ApiErrorCodes.AccountLocked : ApiErrorCodes.InvalidCredentials);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = users.PasswordHasher.HashPassword(account, command.Password);
        if (throttle is not null) await SignInThrottle.ClearAsync(db, normalized, cancellationToken);
        account.LastSignInAt = now;
        actor.Impersonate(account.CompanyId, account.Id, account.DisplayName);
        var session = new UserSession { Id = Guid.CreateVersion7(), CompanyId = account.CompanyId, UserId = account.Id, CreatedAt = now };
        db.UserSessions.Add(session);
        audit.Record("user.signed_in", "user", account.Id, companyId: account.CompanyId);
        await db.SaveChangesAsync(cancellationToken);
        return new SignedIn(account, session.Id);
    }

    /// <summary>A hash of a random password made by the configured hasher, so checking it costs what checking a real one does.</summary>
    private static string DummyHash(IPasswordHasher<KobanUser> hasher)
    {
        lock (DummyLock)
        {
            return _dummyHash ??= hasher.HashPassword(new KobanUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        }
    }
}

internal static class LoginEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/login", Handle)
            .WithName("Login")
            .WithSummary("Sign in to the SPA")
            .WithDescription("Checks the e-mail and password and sets the HttpOnly session cookie `koban.auth` and the `XSRF-TOKEN` cookie, whose value must be echoed in `X-XSRF-TOKEN` on every unsafe request. Five wrong passwords for an address lock it for 15 minutes (`account_locked`), whether or not an account has that address, so the answers never reveal which addresses have an account; attempts are rate-limited per address and client. Integrations use API keys instead.")
            .AllowAnonymous()
            .RequireRateLimiting(AuthEndpoints.LoginRateLimit)
            .WithMetadata(new AnonymousOperationMetadata())
            .WithProblems(400, 401, 429)
            .WithExamples(AuthExamples.Login, 200, AuthExamples.Me);

    private static async Task<Ok<MeResponse>> Handle(LoginRequest request, IMediator mediator, HttpContext http, KobanDbContext db, CancellationToken ct)
    {
        var (user, sessionId) = await mediator.Send(new LoginCommand(request.Email, request.Password), ct);
        var principal = KobanAuthentication.PrincipalFor(user, sessionId);
        await http.SignInAsync(KobanAuthentication.CookieScheme, principal);
        http.User = principal;
        RequestPipeline.IssueCsrfToken(http);
        return TypedResults.Ok(await AuthReader.MeAsync(db, user, ct));
    }
}
