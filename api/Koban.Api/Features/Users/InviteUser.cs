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

namespace Koban.Api.Features.Users;

public sealed record InviteUserCommand(string Email, string DisplayName, UserRole Role) : ICommand<Versioned<UserResponse>>;

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
    : ICommandHandler<InviteUserCommand, Versioned<UserResponse>>
{
    public async ValueTask<Versioned<UserResponse>> Handle(InviteUserCommand command, CancellationToken cancellationToken)
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
        return UserReader.WithVersion(user);
    }
}

internal static class InviteUserEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/users/invitations", async Task<Created<UserResponse>> (InviteUserRequest request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var user = await mediator.Send(new InviteUserCommand(request.Email, request.DisplayName, request.Role), ct);
                return user.Created(response, $"/api/v1/users/{user.Value.Id}");
            })
            .WithTags("Users")
            .WithName("InviteUser")
            .WithSummary("Invite a user by e-mail")
            .WithDescription("Creates the user without a password (`invitationPending: true`) and e-mails them a link, valid 7 days and usable once, to choose their password (`POST /api/v1/auth/invitation/accept`). The link points to `Koban:PublicUrl`. The mail goes through the outbox: its delivery shows in `GET /api/v1/emails?entityType=user&entityId=…`. The e-mail must be unused across the whole deployment (400 `email_already_used`). Creating a user with a temporary password (`POST /api/v1/users`) still works.")
            .RequirePermission(Permissions.Users, Access.Write)
            .WithExamples(UserExamples.Invite, 201, UserExamples.Invited);
}
