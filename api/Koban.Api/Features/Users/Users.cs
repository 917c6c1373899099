using FluentValidation;
using Koban.Api.Features.Auth;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Users;

public sealed record UserResponse(
    Guid Id,
    string Email,
    string DisplayName,
    UserRole Role,
    bool MustChangePassword,
    bool IsActive,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt,
    bool InvitationPending)
{
    internal static UserResponse From(KobanUser u) =>
        new(u.Id, u.Email ?? string.Empty, u.DisplayName, u.Role, u.MustChangePassword, u.IsActive, u.LastSignInAt, u.CreatedAt, u.PasswordHash is null);
}

public sealed record UserList(IReadOnlyList<UserResponse> Items, string? NextCursor, bool HasMore);

public sealed record CreateUserRequest(string Email, string DisplayName, UserRole Role, string TemporaryPassword);

public sealed record UpdateUserRequest(string DisplayName, UserRole Role, bool IsActive);

// ---- list ----

public sealed record ListUsersQuery(int Limit, string? After, string? Sort, string? Search, UserRole? Role, bool? IsActive, DateTimeOffset? UpdatedSince) : IQuery<UserList>;

public sealed class ListUsersHandler(KobanDbContext db) : IQueryHandler<ListUsersQuery, UserList>
{
    public static readonly SortFields<KobanUser> Sorts = new SortFields<KobanUser>("createdAt")
        .Add("createdAt", u => u.CreatedAt)
        .Add("displayName", u => u.DisplayName)
        .Add("email", u => u.NormalizedEmail!)
        .Add("updatedAt", u => u.UpdatedAt);

    public async ValueTask<UserList> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern, "\\") || EF.Functions.ILike(u.Email!, pattern, "\\"));
        }
        if (query.Role is { } role) users = users.Where(u => u.Role == role);
        if (query.IsActive is { } active) users = users.Where(u => u.IsActive == active);
        if (query.UpdatedSince is { } since) users = users.Where(u => u.UpdatedAt >= since);
        var (items, next, hasMore) = await Keyset.PageAsync(users, Sorts, query.Sort, query.After, query.Limit, u => u.Id, cancellationToken);
        return new UserList([.. items.Select(UserResponse.From)], next, hasMore);
    }
}

// ---- get ----

public sealed record GetUserQuery(Guid Id) : IQuery<(UserResponse User, uint Version)>;

public sealed class GetUserHandler(KobanDbContext db) : IQueryHandler<GetUserQuery, (UserResponse User, uint Version)>
{
    public async ValueTask<(UserResponse User, uint Version)> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("user", query.Id);
        return (UserResponse.From(user), user.Version);
    }
}

// ---- create ----

public sealed record CreateUserCommand(string Email, string DisplayName, UserRole Role, string TemporaryPassword) : ICommand<(UserResponse User, uint Version)>;

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
    : ICommandHandler<CreateUserCommand, (UserResponse User, uint Version)>
{
    public async ValueTask<(UserResponse User, uint Version)> Handle(CreateUserCommand command, CancellationToken cancellationToken)
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
        return (UserResponse.From(user), user.Version);
    }
}

// ---- update ----

public sealed record UpdateUserCommand(Guid Id, uint ExpectedVersion, string DisplayName, UserRole Role, bool IsActive) : ICommand<(UserResponse User, uint Version)>;

public sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Role).Must(KobanUser.IsAssignable).WithErrorCode(ApiErrorCodes.RoleRequired).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.RoleRequired));
    }
}

public sealed class UpdateUserHandler(KobanDbContext db, CurrentActor actor, AuditLog audit)
    : ICommandHandler<UpdateUserCommand, (UserResponse User, uint Version)>
{
    public async ValueTask<(UserResponse User, uint Version)> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        UserAccounts.EnsureRole(command.Role);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken) ?? throw new NotFoundException("user", command.Id);
        if (user.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        var before = UserResponse.From(user);
        if (user.Id == actor.UserId && (command.Role != user.Role || !command.IsActive))
        {
            throw new Koban.Domain.Common.DomainException(ApiErrorCodes.CannotChangeOwnRole, "You cannot change your own role or deactivate yourself.") { Field = "role" };
        }
        var losesAdmin = user.Role == UserRole.Admin && user.IsActive && (command.Role != UserRole.Admin || !command.IsActive);
        if (losesAdmin && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == UserRole.Admin && u.IsActive, cancellationToken))
        {
            throw new Koban.Domain.Common.DomainException(ApiErrorCodes.LastAdmin, "The company must keep an active administrator.") { Field = "role" };
        }
        var rightsChanged = user.Role != command.Role || user.IsActive != command.IsActive;
        user.DisplayName = command.DisplayName.Trim();
        user.Role = command.Role;
        user.IsActive = command.IsActive;
        // A new stamp ends the user's open sessions, so a role change or deactivation takes effect at once.
        if (rightsChanged) user.SecurityStamp = Guid.NewGuid().ToString("N");
        db.Entry(user).Property(u => u.Version).OriginalValue = command.ExpectedVersion;
        audit.Record("user.updated", "user", user.Id, before, UserResponse.From(user));
        await db.SaveChangesAsync(cancellationToken);
        return (UserResponse.From(user), user.Version);
    }
}

public static class UsersEndpoints
{
    public static void MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users");

        group.MapGet("/", async Task<Ok<UserList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, UserRole? role, bool? isActive, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUsersQuery(Cursor.Limit(limit), after, sort, search, role, isActive, updatedSince), ct)))
            .WithName("ListUsers")
            .WithSummary("List the company's users")
            .WithDescription("Cursor-paged. `sort`: `createdAt` (default), `displayName`, `email` or `updatedAt`, prefixed with `-` for descending. `search` matches the name or e-mail (case-insensitive); `role` and `isActive` filter; `updatedSince` returns users changed since that instant.")
            .RequirePermission(Permissions.Users, Access.Read)
            .WithExamples(null, 200, new UserList([UserExamples.User], null, false));

        group.MapPost("/", async Task<Created<UserResponse>> (CreateUserRequest request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (user, version) = await mediator.Send(new CreateUserCommand(request.Email, request.DisplayName, request.Role, request.TemporaryPassword), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/users/{user.Id}", user);
            })
            .WithName("CreateUser")
            .WithSummary("Create a user with a temporary password")
            .WithDescription("The user must change the temporary password at first sign-in; until then every other call answers 403 `password_change_required`. The e-mail must be unused across the whole deployment (400 `email_already_used`).")
            .RequirePermission(Permissions.Users, Access.Write)
            .WithExamples(new CreateUserRequest("paul.martin@example.fr", "Paul Martin", UserRole.Sales, "Bienvenue-Paul-2026"), 201, UserExamples.User);

        group.MapGet("/{id:guid}", async Task<Ok<UserResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (user, version) = await mediator.Send(new GetUserQuery(id), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(user);
            })
            .WithName("GetUser")
            .WithSummary("Get a user")
            .WithDescription("Returns the user with an `ETag` to send back as `If-Match` when updating.")
            .RequirePermission(Permissions.Users, Access.Read)
            .WithExamples(null, 200, UserExamples.User);

        group.MapPut("/{id:guid}", async Task<Ok<UserResponse>> (Guid id, UpdateUserRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var version = EntityTags.RequireIfMatch(http);
                var (user, newVersion) = await mediator.Send(new UpdateUserCommand(id, version, request.DisplayName, request.Role, request.IsActive), ct);
                EntityTags.Set(response, newVersion);
                return TypedResults.Ok(user);
            })
            .WithName("UpdateUser")
            .WithSummary("Change a user's name, role or active flag")
            .WithDescription("A role change or deactivation ends the user's open sessions. An Admin cannot change their own role or deactivate themselves (422 `cannot_change_own_role`), and the company always keeps an active Admin (422 `last_admin`).")
            .RequirePermission(Permissions.Users, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(new UpdateUserRequest("Paul Martin", UserRole.Accountant, true), 200, UserExamples.User with { Role = UserRole.Accountant });
    }
}
