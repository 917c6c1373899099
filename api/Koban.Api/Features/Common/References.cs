using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Common;

/// <summary>Whether a record is used by a document, in which case it is archived, never deleted.</summary>
internal static class References
{
    public static async Task<bool> CustomerIsReferencedAsync(KobanDbContext db, Guid customerId, CancellationToken ct) =>
        await db.Set<Opportunity>().AnyAsync(o => o.CustomerId == customerId, ct)
        || await db.Set<Quote>().IgnoreAutoIncludes().AnyAsync(q => q.CustomerId == customerId, ct)
        || await db.Set<Order>().IgnoreAutoIncludes().AnyAsync(o => o.CustomerId == customerId || o.BillToCustomerId == customerId, ct);

    public static async Task<bool> ProductIsReferencedAsync(KobanDbContext db, Guid productId, CancellationToken ct) =>
        await db.Set<QuoteLine>().AnyAsync(l => l.ProductId == productId, ct)
        || await db.Set<OrderLine>().AnyAsync(l => l.ProductId == productId, ct);
}
