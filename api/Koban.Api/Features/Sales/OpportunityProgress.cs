using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>
/// The opportunity follows its quote (<see cref="Opportunity.WinByAcceptedQuote"/>): accepting a quote of an opportunity,
/// or making its order, wins it in the same transaction. Every path that changes an opportunity because of its quote
/// locks the opportunity row first (then the quote), in that order, so concurrent requests queue instead of deadlocking.
/// </summary>
public static class OpportunityProgress
{
    public static async Task LockAsync(KobanDbContext db, Guid opportunityId, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM opportunities WHERE id = {opportunityId} FOR UPDATE", ct);

    /// <summary>Inside the caller's transaction, the opportunity not yet loaded: locks it, wins it by the accepted quote
    /// and writes the audit entry when it changed.</summary>
    public static async Task FollowAcceptedQuoteAsync(KobanDbContext db, AuditLog audit, Quote quote, DateOnly today, Guid? orderId, CancellationToken ct)
    {
        if (quote.OpportunityId is not { } opportunityId) return;
        await LockAsync(db, opportunityId, ct);
        var opportunity = await db.Opportunities.SingleAsync(o => o.Id == opportunityId, ct);
        if (opportunity.WinByAcceptedQuote(quote, today))
            audit.Record("opportunity.won", "opportunity", opportunity.Id, after: new { quoteId = quote.Id, orderId, opportunity.ExpectedAmount });
    }
}
