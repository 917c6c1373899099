using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Koban.Api.Features.Users;

public sealed record CreateUserCommand(string Email, string DisplayName, UserRole Role, string TemporaryPassword) : ICommand<Versioned<UserResponse>>;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Role).Must(KobanUser.IsAssignable).WithErrorCode(ApiErrorCodes.RoleRequired).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.RoleRequired));
        RuleFor(c => c.TemporaryPassword).NotEmpty().MaximumLength(256).StrongPassword();
    }
}

public sealed class CreateUserHandler(KobanDbContext db, UserManager<KobanUser> users, CurrentActor actor, AuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateUserCommand, Versioned<UserResponse>>
{
    public async ValueTask<Versioned<UserResponse>> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var user = new KobanUser
        {
            Id = Guid.CreateVersion7(),
            CompanyId = actor.RequireCompanyId(),
            UserName = command.Email.Trim(),
            Email = command.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = command.DisplayName.Trim(),
            Role = command.Role,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await UserAccounts.CreateAsync(users, user, command.TemporaryPassword, "email", "temporaryPassword");
        audit.Record("user.created", "user", user.Id, after: new { user.Email, user.DisplayName, Role = user.Role.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserReader.WithVersion(user);
    }
}

internal static class CreateUserEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<UserResponse>> (CreateUserRequest request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var user = await mediator.Send(new CreateUserCommand(request.Email, request.DisplayName, request.Role, request.TemporaryPassword), ct);
                return user.Created(response, $"/api/v1/users/{user.Value.Id}");
            })
            .WithName("CreateUser")
            .WithSummary("Create a user with a temporary password")
            .WithDescription("The user must change the temporary password at first sign-in; until then every other call answers 403 `password_change_required`. The e-mail must be unused across the whole deployment (400 `email_already_used`).")
            .RequirePermission(Permissions.Users, Access.Write)
            .WithExamples(UserExamples.Create, 201, UserExamples.User);
}
