using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>Builds quote responses and summaries for every quote use case (and the quotes listed on an opportunity).</summary>
public sealed class QuoteReader(KobanDbContext db, CompanyClock clock)
{
    public async Task<QuoteResponse> ResponseAsync(Quote quote, CancellationToken ct)
    {
        var name = await db.Customers.IgnoreAutoIncludes().Where(c => c.Id == quote.CustomerId).Select(c => c.Name).SingleAsync(ct);
        var orderId = await db.Orders.IgnoreAutoIncludes().Where(o => o.SourceQuoteId == quote.Id).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        return new QuoteSource(quote, name, orderId, await clock.TodayAsync(ct)).MapTo<QuoteResponse>();
    }

    /// <summary>The summaries of quotes already loaded (lines not needed), in their order, each with the order made from it;
    /// <paramref name="customers"/> embeds each quote's customer when given (<c>expand=customer</c>).</summary>
    public async Task<List<QuoteSummary>> SummariesAsync(IReadOnlyList<Quote> quotes, IReadOnlyDictionary<Guid, Customers.CustomerSummary>? customers, CancellationToken ct)
    {
        var ids = quotes.Select(q => q.Id).ToList();
        var orders = await db.Orders.IgnoreAutoIncludes().Where(o => o.SourceQuoteId != null && ids.Contains(o.SourceQuoteId.Value))
            .ToDictionaryAsync(o => o.SourceQuoteId!.Value, o => o.Id, ct);
        var today = await clock.TodayAsync(ct);
        return [.. quotes.Select(q => new QuoteSummarySource(q, orders.TryGetValue(q.Id, out var orderId) ? orderId : null, today, customers?.GetValueOrDefault(q.CustomerId))
            .MapTo<QuoteSummary>())];
    }
}
