using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.ApiKeys;

public sealed record ListApiKeysQuery(int Limit, string? After, string? Sort, bool? Revoked, DateTimeOffset? UpdatedSince) : IQuery<ApiKeyList>;

public sealed class ListApiKeysHandler(KobanDbContext db) : IQueryHandler<ListApiKeysQuery, ApiKeyList>
{
    public static readonly SortFields<ApiKey> Sorts = new SortFields<ApiKey>("createdAt")
        .Add("createdAt", k => k.CreatedAt)
        .Add("name", k => k.Name)
        .Add("updatedAt", k => k.UpdatedAt);

    public async ValueTask<ApiKeyList> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var keys = db.ApiKeys.AsNoTracking();
        if (query.Revoked is { } revoked) keys = keys.Where(k => (k.RevokedAt != null) == revoked);
        if (query.UpdatedSince is { } since) keys = keys.Where(k => k.UpdatedAt >= since);
        var (items, next, hasMore) = await Keyset.PageAsync(keys, Sorts, query.Sort, query.After, query.Limit, k => k.Id, cancellationToken);
        return ApiKeyReader.List(items, next, hasMore);
    }
}

internal static class ListApiKeysEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<ApiKeyList>> (IMediator mediator, int? limit, string? after, string? sort, bool? revoked, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(Cursor.Limit(limit), after, sort, revoked, updatedSince), ct)))
            .WithName("ListApiKeys")
            .WithSummary("List API keys")
            .WithDescription("Names, prefixes, scopes, creation, last use and revocation of the company's keys; never the secrets. `revoked=false` lists the usable ones. `sort`: `createdAt` (default), `name`, `updatedAt` (prefix `-` for descending); `updatedSince` for syncing.")
            .RequirePermission(Permissions.ApiKeys, Access.Read)
            .WithExamples(null, 200, new ApiKeyList([ApiKeyExamples.ApiKey], null, false));
}
