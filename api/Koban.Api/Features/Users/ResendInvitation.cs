using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Users;

public sealed record ResendInvitationCommand(Guid UserId) : ICommand<Versioned<UserResponse>>;

public sealed class ResendInvitationHandler(KobanDbContext db, CurrentActor actor, AuditLog audit, AccountTokens tokens, MailOutbox outbox, IConfiguration configuration)
    : ICommandHandler<ResendInvitationCommand, Versioned<UserResponse>>
{
    public async ValueTask<Versioned<UserResponse>> Handle(ResendInvitationCommand command, CancellationToken cancellationToken)
    {
        var user = await UserReader.LoadAsync(db, command.UserId, cancellationToken);
        if (user.PasswordHash is not null) throw new DomainConflictException(ApiErrorCodes.InvitationAlreadyAccepted, "The user already has a password.");
        if (!user.IsActive) throw new DomainConflictException(ApiErrorCodes.Conflict, "The user is deactivated.");
        var expiresAt = await InvitationMail.QueueAsync(db, actor, tokens, outbox, configuration, user, cancellationToken);
        audit.Record("user.invitation_resent", "user", user.Id, after: new { user.Email, expiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return UserReader.WithVersion(user);
    }
}

internal static class ResendInvitationEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/users/{id:guid}/invitation", async Task<Ok<UserResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new ResendInvitationCommand(id), ct)).Ok(response))
            .WithTags("Users")
            .WithName("ResendInvitation")
            .WithSummary("Send a user's invitation again")
            .WithDescription("E-mails a new invitation link (valid 7 days); the previous link stops working. Only for a user who has not chosen a password yet (409 `invitation_already_accepted`) and is active (409 `conflict`).")
            .RequirePermission(Permissions.Users, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, UserExamples.User with { MustChangePassword = false, InvitationPending = true });
}
