using System.Diagnostics;
using System.Globalization;
using FluentValidation;
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

/// <summary>"Mot de passe oublié": anonymous, and answers the same whether or not the address has an account.</summary>
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

internal static class RequestPasswordResetEndpoint
{
    /// <summary>Every reset request takes at least this long, found address or not, so timing does not tell which
    /// addresses have an account.</summary>
    private static readonly TimeSpan MinimumRequestDuration = TimeSpan.FromMilliseconds(400);

    public static void Map(RouteGroupBuilder group) =>
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
            .WithExamples(AuthExamples.RequestPasswordReset, 202, null);
}
