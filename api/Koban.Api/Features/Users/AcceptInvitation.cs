using FluentValidation;
using Koban.Api.Features.Auth;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Users;

/// <summary>Anonymous: the invitation token is the credential.</summary>
public sealed record AcceptInvitationCommand(string Token, string Password) : ICommand<AccountPasswordSetResponse>;

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitationCommand>
{
    public AcceptInvitationValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256).StrongPassword();
    }
}

public sealed class AcceptInvitationHandler(KobanDbContext db, CurrentActor actor, AccountTokens tokens, UserManager<KobanUser> users, AuditLog audit)
    : ICommandHandler<AcceptInvitationCommand, AccountPasswordSetResponse>
{
    public async ValueTask<AccountPasswordSetResponse> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        using var system = actor.EnterSystemScope();
        var token = await tokens.RedeemAsync(command.Token, AccountTokenPurpose.Invitation, cancellationToken);
        var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Id == token.UserId, cancellationToken);
        if (!user.IsActive) throw new DomainException(ApiErrorCodes.TokenInvalid, "The invited user was deactivated.") { Field = "token" };
        actor.Impersonate(user.CompanyId, user.Id, user.DisplayName);
        UserAccounts.SetPasswordFromLink(user, command.Password, users.PasswordHasher);
        audit.Record("user.invitation_accepted", "user", user.Id, companyId: user.CompanyId);
        await db.SaveChangesAsync(cancellationToken);
        return new AccountPasswordSetResponse(user.Email!);
    }
}

internal static class AcceptInvitationEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/auth/invitation/accept", async Task<Ok<AccountPasswordSetResponse>> (AcceptInvitationRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AcceptInvitationCommand(request.Token, request.Password), ct)))
            .WithTags("Authentication")
            .WithName("AcceptInvitation")
            .WithSummary("Choose your password from an invitation link")
            .WithDescription("Takes the token of the invitation e-mail (the part after `#token=` in the link) and the chosen password (12 characters with upper case, lower case and a digit). The token works once and for 7 days: an unknown token answers 422 `token_invalid`, a used or replaced one `token_used`, an expired one `token_expired`, all naming the field `token`. Returns the address to sign in with; it does not sign in. Rate-limited like sign-in.")
            .AllowAnonymous()
            .RequireRateLimiting(AuthEndpoints.LoginRateLimit)
            .WithMetadata(new AnonymousOperationMetadata())
            .WithProblems(400, 422, 429)
            .WithExamples(UserExamples.Accept, 200, UserExamples.Accepted);
}
