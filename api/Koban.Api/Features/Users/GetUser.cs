using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Users;

public sealed record GetUserQuery(Guid Id) : IQuery<Versioned<UserResponse>>;

public sealed class GetUserHandler(KobanDbContext db) : IQueryHandler<GetUserQuery, Versioned<UserResponse>>
{
    public async ValueTask<Versioned<UserResponse>> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("user", query.Id);
        return UserReader.WithVersion(user);
    }
}

internal static class GetUserEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<UserResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetUserQuery(id), ct)).Ok(response))
            .WithName("GetUser")
            .WithSummary("Get a user")
            .WithDescription("Returns the user with an `ETag` to send back as `If-Match` when updating.")
            .RequirePermission(Permissions.Users, Access.Read)
            .WithExamples(null, 200, UserExamples.User);
}
