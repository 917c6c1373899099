using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record ListQuotesQuery(int Limit, string? After, string? Sort, string? Search, QuoteStatus? Status, Guid? CustomerId, Guid? OpportunityId,
    DateOnly? ValidUntilFrom, DateOnly? ValidUntilTo, DateTimeOffset? UpdatedSince, string? Expand = null) : IQuery<QuoteList>;

public sealed class ListQuotesHandler(KobanDbContext db, QuoteReader reader) : IQueryHandler<ListQuotesQuery, QuoteList>
{
    public static readonly SortFields<Quote> Sorts = new SortFields<Quote>("-updatedAt")
        .Add("updatedAt", q => q.UpdatedAt)
        .Add("validUntil", q => q.ValidUntil)
        .Add("totalExcludingVat", q => q.TotalExcludingVat);

    public async ValueTask<QuoteList> Handle(ListQuotesQuery query, CancellationToken cancellationToken)
    {
        var quotes = db.Quotes.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status) quotes = quotes.Where(q => q.Status == status);
        if (query.CustomerId is { } customerId) quotes = quotes.Where(q => q.CustomerId == customerId);
        if (query.OpportunityId is { } opportunityId) quotes = quotes.Where(q => q.OpportunityId == opportunityId);
        if (query.ValidUntilFrom is { } from) quotes = quotes.Where(q => q.ValidUntil >= from);
        if (query.ValidUntilTo is { } to) quotes = quotes.Where(q => q.ValidUntil <= to);
        if (query.UpdatedSince is { } since) quotes = quotes.Where(q => q.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            quotes = quotes.Where(q => EF.Functions.ILike(q.Number ?? "", pattern, "\\") || db.Customers.Any(c => c.Id == q.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var expand = Expansions.Wants(query.Expand, Expansions.Customer);
        var (rows, next, hasMore) = await Keyset.PageAsync(quotes, Sorts, query.Sort, query.After, query.Limit, q => q.Id, cancellationToken);
        var customers = expand ? await Expansions.CustomersAsync(db, rows.Select(q => q.CustomerId), cancellationToken) : null;
        return new QuoteList(await reader.SummariesAsync(rows, customers, cancellationToken), next, hasMore);
    }
}

internal static class ListQuotesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<QuoteList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, QuoteStatus? status, Guid? customerId,
                Guid? opportunityId, DateOnly? validUntilFrom, DateOnly? validUntilTo, DateTimeOffset? updatedSince, string? expand, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListQuotesQuery(Cursor.Limit(limit), after, sort, search, status, customerId, opportunityId, validUntilFrom, validUntilTo, updatedSince, expand), ct)))
            .WithName("ListQuotes")
            .WithSummary("List quotes")
            .WithDescription("`search` matches the number or the customer's name. Filters: `status`, `customerId`, `opportunityId`, `validUntilFrom`/`validUntilTo`, `updatedSince`. `sort`: `-updatedAt` (default), `validUntil`, `totalExcludingVat`. `isExpired` is derived: sent and past its validity date. `expand=customer` embeds each quote's customer summary.")
            .RequirePermission(Permissions.Quotes, Access.Read)
            .WithExamples(null, 200, SalesOpenApiExamples.QuoteList);
}
