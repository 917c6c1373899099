using FluentValidation;
using Koban.Api.Features.Users;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Auth;

/// <summary>Anonymous: the token is the credential.</summary>
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

internal static class ConfirmPasswordResetEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/confirm", async Task<Ok<AccountPasswordSetResponse>> (ConfirmPasswordResetRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConfirmPasswordResetCommand(request.Token, request.NewPassword), ct)))
            .WithName("ConfirmPasswordReset")
            .WithSummary("Choose a new password from a reset link")
            .WithDescription("Takes the token of the reset e-mail (the part after `#token=`) and the new password (12 characters with upper case, lower case and a digit). An unknown token answers 422 `token_invalid`, a used or replaced one `token_used`, an expired one (after 1 hour) `token_expired`, all naming the field `token`. The account is unlocked and its open sessions end. Returns the address to sign in with; it does not sign in.")
            .AllowAnonymous()
            .RequireRateLimiting(AuthEndpoints.LoginRateLimit)
            .WithMetadata(new AnonymousOperationMetadata())
            .WithProblems(400, 422, 429)
            .WithExamples(AuthExamples.ConfirmPasswordReset, 200, AuthExamples.PasswordReset);
}
