using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record ListOpportunitiesQuery(int Limit, string? After, string? Sort, string? Search, OpportunityStage? Stage, Guid? CustomerId, Guid? OwnerUserId,
    DateOnly? ExpectedCloseFrom, DateOnly? ExpectedCloseTo, DateTimeOffset? UpdatedSince) : IQuery<OpportunityList>;

public sealed class ListOpportunitiesHandler(KobanDbContext db, OpportunityReader reader) : IQueryHandler<ListOpportunitiesQuery, OpportunityList>
{
    public static readonly SortFields<Opportunity> Sorts = new SortFields<Opportunity>("-updatedAt")
        .Add("updatedAt", o => o.UpdatedAt)
        .Add("title", o => o.Title)
        .Add("expectedAmount", o => o.ExpectedAmount);

    public async ValueTask<OpportunityList> Handle(ListOpportunitiesQuery query, CancellationToken cancellationToken)
    {
        var items = db.Opportunities.AsNoTracking();
        if (query.Stage is { } stage) items = items.Where(o => o.Stage == stage);
        if (query.CustomerId is { } customerId) items = items.Where(o => o.CustomerId == customerId);
        if (query.OwnerUserId is { } owner) items = items.Where(o => o.OwnerUserId == owner);
        if (query.ExpectedCloseFrom is { } from) items = items.Where(o => o.ExpectedCloseDate >= from);
        if (query.ExpectedCloseTo is { } to) items = items.Where(o => o.ExpectedCloseDate <= to);
        if (query.UpdatedSince is { } since) items = items.Where(o => o.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            items = items.Where(o => EF.Functions.ILike(o.Title, pattern, "\\") || db.Customers.Any(c => c.Id == o.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(items, Sorts, query.Sort, query.After, query.Limit, o => o.Id, cancellationToken);
        return new OpportunityList(await reader.ResponsesAsync(rows, cancellationToken), next, hasMore);
    }
}

internal static class ListOpportunitiesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<OpportunityList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, OpportunityStage? stage, Guid? customerId,
                Guid? ownerUserId, DateOnly? expectedCloseFrom, DateOnly? expectedCloseTo, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOpportunitiesQuery(Cursor.Limit(limit), after, sort, search, stage, customerId, ownerUserId, expectedCloseFrom, expectedCloseTo, updatedSince), ct)))
            .WithName("ListOpportunities")
            .WithSummary("List opportunities")
            .WithDescription("`search` matches the title or the customer's name. Filters: `stage`, `customerId`, `ownerUserId`, `expectedCloseFrom`/`expectedCloseTo`, `updatedSince`. `sort`: `-updatedAt` (default), `title`, `expectedAmount`. Each opportunity lists its quotes.")
            .RequirePermission(Permissions.Opportunities, Access.Read)
            .WithExamples(null, 200, SalesOpenApiExamples.OpportunityList);
}
