using System.Globalization;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

/// <summary>What creating a contract needs besides the domain: its reference, its owner, its lines resolved like a sales
/// document's.</summary>
public sealed class ContractFactory(KobanDbContext db, CurrentActor actor, SalesLineBuilder lines)
{
    /// <summary>The next <c>CT-00001</c> reference of the company, taken under a transaction-scoped advisory lock so two
    /// creations never pick the same one (the unique index is the second wall). Must run inside the caller's transaction.</summary>
    public async Task<string> NextReferenceAsync(CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("References are taken inside a transaction.");
        var companyId = actor.RequireCompanyId();
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended('contracts:' || {companyId.ToString()}, 0))", ct);
        var last = await db.Contracts.IgnoreAutoIncludes().Select(c => c.Reference).OrderByDescending(r => r).FirstOrDefaultAsync(ct);
        var next = last is not null && int.TryParse(last.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        return string.Create(CultureInfo.InvariantCulture, $"CT-{next:D5}");
    }

    /// <summary>The owner named in the request (a user of the company), else the caller; an API key must name one.</summary>
    public async Task<Guid> OwnerAsync(Guid? requested, Guid? fallback, CancellationToken ct)
    {
        var owner = requested ?? fallback ?? actor.UserId ?? throw new ReferenceNotFoundException("ownerUserId");
        if (!await db.Users.AnyAsync(u => u.Id == owner, ct)) throw new ReferenceNotFoundException("ownerUserId");
        return owner;
    }

    public async Task<List<ContractLineData>> LinesAsync(ContractRequest request, CancellationToken ct)
    {
        var customer = await lines.CustomerAsync(request.CustomerId, "customerId", forNewDocument: true, ct);
        var built = await lines.BuildAsync(request.Lines ?? [], customer, ct);
        return [.. built.Select(l => new ContractLineData(l))];
    }
}
