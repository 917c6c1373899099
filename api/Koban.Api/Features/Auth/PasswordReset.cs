using System.Diagnostics;
using System.Globalization;
using FluentValidation;
using Koban.Api.Features.Users;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Auth;

public sealed record RequestPasswordResetRequest(string Email);

public sealed record ConfirmPasswordResetRequest(string Token, string NewPassword);

// ---- request ("mot de passe oublié") ----

public sealed record RequestPasswordResetCommand(string Email) : ICommand<Unit>;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
    }
}

public sealed class RequestPasswordResetHandler(KobanDbContext db, CurrentActor actor, UserManager<KobanUser> users, AccountTokens tokens, MailOutbox outbox,
    AuditLog audit, TimeProvider clock, IConfiguration configuration, ILogger<RequestPasswordResetHandler> logger)
    : ICommandHandler<RequestPasswordResetCommand, Unit>
{
    /// <summary>Reset e-mails one account may receive per hour, whoever asks: the per-address rate limit does not stop
    /// someone with many addresses from flooding a mailbox.</summary>
    public const int MaxPerHour = 3;

    public async ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        using var system = actor.EnterSystemScope();
        var normalized = users.NormalizeEmail(command.Email.Trim());
        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null || !user.IsActive)
        {
            logger.LogInformation("Password reset asked for an unknown or inactive address: nothing sent");
            return Unit.Value;
        }
        actor.Impersonate(user.CompanyId, null, null);
        var now = clock.GetUtcNow();
        if (await tokens.CountIssuedSinceAsync(user.Id, AccountTokenPurpose.PasswordReset, now.AddHours(-1), cancellationToken) >= MaxPerHour)
        {
            audit.Record("user.password_reset_throttled", "user", user.Id, companyId: user.CompanyId);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
        var (secret, expiresAt) = await tokens.IssueAsync(user, AccountTokenPurpose.PasswordReset, null, cancellationToken);
        var link = AccountMails.Link(configuration, AccountMails.ResetPasswordPath, secret);
        await outbox.EnqueueAsync(AccountMails.PasswordReset(user, link, CultureInfo.CurrentUICulture), cancellationToken);
        audit.Record("user.password_reset_requested", "user", user.Id, after: new { expiresAt }, companyId: user.CompanyId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

// ---- confirm (anonymous: the token is the credential) ----

public sealed record ConfirmPasswordResetCommand(string Token, string NewPassword) : ICommand<AccountPasswordSetResponse>;

public sealed class ConfirmPasswordResetValidator : AbstractValidator<ConfirmPasswordResetCommand>
{
    public ConfirmPasswordResetValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(200);
        RuleFor(c => c.NewPassword).NotEmpty().MaximumLength(256).StrongPassword();
    }
}

public sealed class ConfirmPasswordResetHandler(KobanDbContext db, CurrentActor actor, AccountTokens tokens, UserManager<KobanUser> users, AuditLog audit)
    : ICommandHandler<ConfirmPasswordResetCommand, AccountPasswordSetResponse>
{
    public async ValueTask<AccountPasswordSetResponse> Handle(ConfirmPasswordResetCommand command, CancellationToken cancellationToken)
    {
        using var system = actor.EnterSystemScope();
        var token = await tokens.RedeemAsync(command.Token, AccountTokenPurpose.PasswordReset, cancellationToken);
        var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Id == token.UserId, cancellationToken);
        if (!user.IsActive) throw new Koban.Domain.Common.DomainException(ApiErrorCodes.TokenInvalid, "The user was deactivated.") { Field = "token" };
        actor.Impersonate(user.CompanyId, user.Id, user.DisplayName);
        UserAccounts.SetPasswordFromLink(user, command.NewPassword, users.PasswordHasher);
        audit.Record("user.password_reset", "user", user.Id, companyId: user.CompanyId);
        await db.SaveChangesAsync(cancellationToken);
        await SignInThrottle.ClearAsync(db, user.NormalizedEmail ?? string.Empty, cancellationToken); // the link proved the address: unlock it
        return new AccountPasswordSetResponse(user.Email!);
    }
}

public static class PasswordResetEndpoints
{
    /// <summary>Every reset request takes at least this long, found address or not, so timing does not tell which
    /// addresses have an account.</summary>
    private static readonly TimeSpan MinimumRequestDuration = TimeSpan.FromMilliseconds(400);

    public static void MapPasswordResetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth/password-reset").WithTags("Authentication");

        group.MapPost("/", async Task<Accepted> (RequestPasswordResetRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await mediator.Send(new RequestPasswordResetCommand(request.Email), ct);
                }
                finally
                {
                    var left = MinimumRequestDuration - Stopwatch.GetElapsedTime(started);
                    if (left > TimeSpan.Zero) await Task.Delay(left, CancellationToken.None);
                }
                return TypedResults.Accepted((string?)null);
            })
            .WithName("RequestPasswordReset")
            .WithSummary("Forgotten password: e-mail a reset link")
            .WithDescription("Always answers 202, whether or not the address has an account, so nobody can learn which addresses do. When it belongs to an active user, a link valid 1 hour and usable once is e-mailed (`Koban:PublicUrl`/reset-password#token=…); asking again replaces the previous link, and an account receives at most 3 such e-mails an hour. Rate-limited per client address like sign-in (429). Written to the user's audit history.")
            .AllowAnonymous()
            .RequireRateLimiting(AuthEndpoints.LoginRateLimit)
            .WithMetadata(new AnonymousOperationMetadata())
            .WithProblems(400, 429)
            .WithExamples(new RequestPasswordResetRequest("paul.martin@example.fr"), 202, null);

        group.MapPost("/confirm", async Task<Ok<AccountPasswordSetResponse>> (ConfirmPasswordResetRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConfirmPasswordResetCommand(request.Token, request.NewPassword), ct)))
            .WithName("ConfirmPasswordReset")
            .WithSummary("Choose a new password from a reset link")
            .WithDescription("Takes the token of the reset e-mail (the part after `#token=`) and the new password (12 characters with upper case, lower case and a digit). An unknown token answers 422 `token_invalid`, a used or replaced one `token_used`, an expired one (after 1 hour) `token_expired`, all naming the field `token`. The account is unlocked and its open sessions end. Returns the address to sign in with; it does not sign in.")
            .AllowAnonymous()
            .RequireRateLimiting(AuthEndpoints.LoginRateLimit)
            .WithMetadata(new AnonymousOperationMetadata())
            .WithProblems(400, 422, 429)
            .WithExamples(new ConfirmPasswordResetRequest("q3Hk9v0XbW2m7LrT5yPz1cNf8aJd4sEu6gKo0iQwRtY", "Nouveau-Mot-De-Passe-42"), 200, new AccountPasswordSetResponse("paul.martin@example.fr"));
    }
}
