using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Common;

/// <summary>References between records: whether a record is used by a document (then it is archived, never deleted), and
/// the shared check of a referenced contact.</summary>
internal static class References
{
    public static async Task<bool> CustomerIsReferencedAsync(KobanDbContext db, Guid customerId, CancellationToken ct) =>
        await db.Set<Opportunity>().AnyAsync(o => o.CustomerId == customerId, ct)
        || await db.Set<Quote>().IgnoreAutoIncludes().AnyAsync(q => q.CustomerId == customerId, ct)
        || await db.Set<Order>().IgnoreAutoIncludes().AnyAsync(o => o.CustomerId == customerId || o.BillToCustomerId == customerId, ct)
        || await db.Set<Koban.Domain.Contracts.Contract>().IgnoreAutoIncludes().AnyAsync(c => c.CustomerId == customerId, ct);

    /// <summary>The one check of a document's <c>contactId</c>: an unknown contact, another company's, or one of a customer
    /// the document does not concern is refused with 422 <c>reference_not_found</c> naming the field, before anything is
    /// frozen into the document.</summary>
    public static async Task EnsureContactAsync(KobanDbContext db, Guid? contactId, CancellationToken ct, params Guid[] customerIds)
    {
        if (contactId is not { } id) return;
        if (!await db.Set<Koban.Domain.Customers.Contact>().AnyAsync(c => c.Id == id && customerIds.Contains(c.CustomerId), ct))
            throw new Infrastructure.Web.ReferenceNotFoundException("contactId");
    }

    /// <summary>The one check of ids inside a body that name rows of <typeparamref name="T"/> (<c>lines[0].orderLineId</c>,
    /// <c>allocations[1].invoiceId</c>): an id that names no row of the company — unknown, or another company's, which the
    /// query filters and row-level security hide alike — is refused with 422 <c>reference_not_found</c> naming its path
    /// (<paramref name="field"/> of its index), before any business rule looks at it.</summary>
    public static async Task EnsureExistAsync<T>(KobanDbContext db, IReadOnlyList<Guid> ids, Func<int, string> field, CancellationToken ct)
        where T : class
    {
        if (ids.Count == 0) return;
        var wanted = ids.Distinct().ToList();
        var found = (await db.Set<T>().IgnoreAutoIncludes().Select(row => EF.Property<Guid>(row, "Id")).Where(id => wanted.Contains(id)).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!found.Contains(ids[i])) throw new Infrastructure.Web.ReferenceNotFoundException(field(i));
        }
    }

    public static async Task<bool> ProductIsReferencedAsync(KobanDbContext db, Guid productId, CancellationToken ct) =>
        await db.Set<QuoteLine>().AnyAsync(l => l.ProductId == productId, ct)
        || await db.Set<OrderLine>().AnyAsync(l => l.ProductId == productId, ct)
        || await db.Set<Koban.Domain.Contracts.ContractLine>().AnyAsync(l => l.ProductId == productId, ct);
}
