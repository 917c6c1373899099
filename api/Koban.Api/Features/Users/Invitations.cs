using System.Globalization;
using FluentValidation;
using Koban.Api.Features.Auth;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mail;
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

public sealed record InviteUserRequest(string Email, string DisplayName, UserRole Role);

/// <summary>The address whose password was just set, so the sign-in form can be filled in.</summary>
public sealed record AccountPasswordSetResponse(string Email);

public sealed record AcceptInvitationRequest(string Token, string Password);

// ---- invite ----

public sealed record InviteUserCommand(string Email, string DisplayName, UserRole Role) : ICommand<(UserResponse User, uint Version)>;

public sealed class InviteUserValidator : AbstractValidator<InviteUserCommand>
{
    public InviteUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256).Must(MailOutbox.IsValidAddress);
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Role).Must(KobanUser.IsAssignable).WithErrorCode(ApiErrorCodes.RoleRequired).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.RoleRequired));
    }
}

public sealed class InviteUserHandler(KobanDbContext db, UserManager<KobanUser> users, CurrentActor actor, AuditLog audit, TimeProvider clock,
    AccountTokens tokens, MailOutbox outbox, IConfiguration configuration)
    : ICommandHandler<InviteUserCommand, (UserResponse User, uint Version)>
{
    public async ValueTask<(UserResponse User, uint Version)> Handle(InviteUserCommand command, CancellationToken cancellationToken)
    {
        var user = new KobanUser
        {
            Id = Guid.CreateVersion7(),
            CompanyId = actor.RequireCompanyId(),
            UserName = command.Email.Trim(),
            Email = command.Email.Trim(),
            EmailConfirmed = false,
            DisplayName = command.DisplayName.Trim(),
            Role = command.Role,
            MustChangePassword = false,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await UserAccounts.CreateAsync(users, user, null, "email", "email");
        var expiresAt = await InvitationMail.QueueAsync(db, actor, tokens, outbox, configuration, user, cancellationToken);
        audit.Record("user.invited", "user", user.Id, after: new { user.Email, user.DisplayName, Role = user.Role.ToString(), expiresAt });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (UserResponse.From(user), user.Version);
    }
}

// ---- send the invitation again ----

public sealed record ResendInvitationCommand(Guid UserId) : ICommand<(UserResponse User, uint Version)>;

public sealed class ResendInvitationHandler(KobanDbContext db, CurrentActor actor, AuditLog audit, AccountTokens tokens, MailOutbox outbox, IConfiguration configuration)
    : ICommandHandler<ResendInvitationCommand, (UserResponse User, uint Version)>
{
    public async ValueTask<(UserResponse User, uint Version)> Handle(ResendInvitationCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken) ?? throw new NotFoundException("user", command.UserId);
        if (user.PasswordHash is not null) throw new DomainConflictException(ApiErrorCodes.InvitationAlreadyAccepted, "The user already has a password.");
        if (!user.IsActive) throw new DomainConflictException(ApiErrorCodes.Conflict, "The user is deactivated.");
        var expiresAt = await InvitationMail.QueueAsync(db, actor, tokens, outbox, configuration, user, cancellationToken);
        audit.Record("user.invitation_resent", "user", user.Id, after: new { user.Email, expiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return (UserResponse.From(user), user.Version);
    }
}

internal static class InvitationMail
{
    /// <summary>Issues a new invitation token (the previous one stops working) and queues its e-mail.</summary>
    public static async Task<DateTimeOffset> QueueAsync(KobanDbContext db, CurrentActor actor, AccountTokens tokens, MailOutbox outbox, IConfiguration configuration,
        KobanUser user, CancellationToken ct)
    {
        var (secret, expiresAt) = await tokens.IssueAsync(user, AccountTokenPurpose.Invitation, actor.UserId, ct);
        var companyName = await db.Companies.Select(c => c.LegalName).SingleAsync(ct);
        var inviter = actor.UserId is { } inviterId
            ? await db.Users.Where(u => u.Id == inviterId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct)
            : null;
        var link = AccountMails.Link(configuration, AccountMails.AcceptInvitationPath, secret);
        await outbox.EnqueueAsync(AccountMails.Invitation(user, companyName, inviter?.DisplayName, inviter?.Email, link, CultureInfo.CurrentUICulture), ct);
        return expiresAt;
    }
}

// ---- accept (anonymous: the token is the credential) ----

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

public static class InvitationEndpoints
{
    public static void MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/users/invitations", async Task<Created<UserResponse>> (InviteUserRequest request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (user, version) = await mediator.Send(new InviteUserCommand(request.Email, request.DisplayName, request.Role), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/users/{user.Id}", user);
            })
            .WithTags("Users")
            .WithName("InviteUser")
            .WithSummary("Invite a user by e-mail")
            .WithDescription("Creates the user without a password (`invitationPending: true`) and e-mails them a link, valid 7 days and usable once, to choose their password (`POST /api/v1/auth/invitation/accept`). The link points to `Koban:PublicUrl`. The mail goes through the outbox: its delivery shows in `GET /api/v1/emails?entityType=user&entityId=…`. The e-mail must be unused across the whole deployment (400 `email_already_used`). Creating a user with a temporary password (`POST /api/v1/users`) still works.")
            .RequirePermission(Permissions.Users, Access.Write)
            .WithExamples(new InviteUserRequest("lea.petit@example.fr", "Léa Petit", UserRole.Accountant), 201,
                UserExamples.User with { Email = "lea.petit@example.fr", DisplayName = "Léa Petit", Role = UserRole.Accountant, MustChangePassword = false, InvitationPending = true });

        app.MapPost("/api/v1/users/{id:guid}/invitation", async Task<Ok<UserResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (user, version) = await mediator.Send(new ResendInvitationCommand(id), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(user);
            })
            .WithTags("Users")
            .WithName("ResendInvitation")
            .WithSummary("Send a user's invitation again")
            .WithDescription("E-mails a new invitation link (valid 7 days); the previous link stops working. Only for a user who has not chosen a password yet (409 `invitation_already_accepted`) and is active (409 `conflict`).")
            .RequirePermission(Permissions.Users, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, UserExamples.User with { MustChangePassword = false, InvitationPending = true });

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
            .WithExamples(new AcceptInvitationRequest("q3Hk9v0XbW2m7LrT5yPz1cNf8aJd4sEu6gKo0iQwRtY", "Mon-Mot-De-Passe-2026"), 200, new AccountPasswordSetResponse("lea.petit@example.fr"));
    }
}
