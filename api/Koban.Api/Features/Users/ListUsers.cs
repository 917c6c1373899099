using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Users;

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
        return UserReader.List(items, next, hasMore);
    }
}

internal static class ListUsersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<UserList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, UserRole? role, bool? isActive, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUsersQuery(Cursor.Limit(limit), after, sort, search, role, isActive, updatedSince), ct)))
            .WithName("ListUsers")
            .WithSummary("List the company's users")
            .WithDescription("Cursor-paged. `sort`: `createdAt` (default), `displayName`, `email` or `updatedAt`, prefixed with `-` for descending. `search` matches the name or e-mail (case-insensitive); `role` and `isActive` filter; `updatedSince` returns users changed since that instant.")
            .RequirePermission(Permissions.Users, Access.Read)
            .WithExamples(null, 200, new UserList([UserExamples.User], null, false));
}
