using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Users;

public sealed record UpdateUserCommand(Guid Id, uint ExpectedVersion, string DisplayName, UserRole Role, bool IsActive) : ICommand<Versioned<UserResponse>>;

public sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Role).Must(KobanUser.IsAssignable).WithErrorCode(ApiErrorCodes.RoleRequired).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.RoleRequired));
    }
}

public sealed class UpdateUserHandler(KobanDbContext db, CurrentActor actor, AuditLog audit)
    : ICommandHandler<UpdateUserCommand, Versioned<UserResponse>>
{
    public async ValueTask<Versioned<UserResponse>> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        UserAccounts.EnsureRole(command.Role);
        var user = await UserReader.LoadAsync(db, command.Id, cancellationToken);
        if (user.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        var before = UserReader.Response(user);
        if (user.Id == actor.UserId && (command.Role != user.Role || !command.IsActive))
        {
            throw new DomainException(ApiErrorCodes.CannotChangeOwnRole, "You cannot change your own role or deactivate yourself.") { Field = "role" };
        }
        var losesAdmin = user.Role == UserRole.Admin && user.IsActive && (command.Role != UserRole.Admin || !command.IsActive);
        if (losesAdmin && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == UserRole.Admin && u.IsActive, cancellationToken))
        {
            throw new DomainException(ApiErrorCodes.LastAdmin, "The company must keep an active administrator.") { Field = "role" };
        }
        var rightsChanged = user.Role != command.Role || user.IsActive != command.IsActive;
        user.DisplayName = command.DisplayName.Trim();
        user.Role = command.Role;
        user.IsActive = command.IsActive;
        // A new stamp ends the user's open sessions, so a role change or deactivation takes effect at once.
        if (rightsChanged) user.SecurityStamp = Guid.NewGuid().ToString("N");
        db.Entry(user).Property(u => u.Version).OriginalValue = command.ExpectedVersion;
        audit.Record("user.updated", "user", user.Id, before, UserReader.Response(user));
        await db.SaveChangesAsync(cancellationToken);
        return UserReader.WithVersion(user);
    }
}

internal static class UpdateUserEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Ok<UserResponse>> (Guid id, UpdateUserRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var version = EntityTags.RequireIfMatch(http);
                return (await mediator.Send(new UpdateUserCommand(id, version, request.DisplayName, request.Role, request.IsActive), ct)).Ok(response);
            })
            .WithName("UpdateUser")
            .WithSummary("Change a user's name, role or active flag")
            .WithDescription("A role change or deactivation ends the user's open sessions. An Admin cannot change their own role or deactivate themselves (422 `cannot_change_own_role`), and the company always keeps an active Admin (422 `last_admin`).")
            .RequirePermission(Permissions.Users, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(UserExamples.Update, 200, UserExamples.User with { Role = UserRole.Accountant });
}
