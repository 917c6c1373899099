using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>Builds opportunity responses for every opportunity use case: each with its customer's name and its quotes.</summary>
public sealed class OpportunityReader(KobanDbContext db, QuoteReader quotes)
{
    public async Task<OpportunityResponse> ResponseAsync(Opportunity opportunity, CancellationToken ct) => (await ResponsesAsync([opportunity], ct))[0];

    public async Task<List<OpportunityResponse>> ResponsesAsync(IReadOnlyList<Opportunity> rows, CancellationToken ct)
    {
        var ids = rows.Select(o => o.Id).ToList();
        var customerIds = rows.Select(o => o.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var quoteRows = await db.Quotes.AsNoTracking().IgnoreAutoIncludes().Where(q => q.OpportunityId != null && ids.Contains(q.OpportunityId.Value)).ToListAsync(ct);
        var summaries = await quotes.SummariesAsync(quoteRows, null, ct);
        return [.. rows.Select(o => new OpportunitySource(o, names.GetValueOrDefault(o.CustomerId, ""), [.. summaries.Where(q => q.OpportunityId == o.Id)])
            .MapTo<OpportunityResponse>())];
    }
}
