using System.Globalization;
using Koban.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>The head of a company's fingerprint chain (domain-rules.md §8): locked (<c>FOR UPDATE</c>) by every validation
/// and closure, so the chain stays a single line even when several API instances validate at once.</summary>
public sealed class ChainHead : ICompanyOwned
{
    public Guid CompanyId { get; init; }
    public long LastSequence { get; set; }
    public string LastFingerprint { get; set; } = Koban.Domain.Invoicing.DocumentFingerprint.Genesis;
}

/// <summary>The PDF of a validated document as archived right after validation, with its own SHA-256. Insert-only (trigger).</summary>
public sealed class ArchivedDocument : ICompanyOwned
{
    public Guid DocumentId { get; init; }
    public Guid CompanyId { get; init; }
    public Guid FileId { get; init; }
    public string Sha256 { get; init; } = string.Empty;
    public string DocumentFingerprint { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Closed periods as every document validation sees them (domain-rules.md §8): a closed month receives nothing.</summary>
public static class ClosedPeriods
{
    /// <summary>Refuses a document date inside a closed month (call it with the chain head locked, as validation does).</summary>
    public static async Task EnsureDateOpenAsync(KobanDbContext db, DateOnly issueDate, CancellationToken ct)
    {
        var closedUntil = await db.Closures.AsNoTracking().Select(c => (DateOnly?)c.PeriodEnd).MaxAsync(ct);
        if (closedUntil is { } until && issueDate <= until)
        {
            throw new DomainException(ErrorCodes.PeriodClosed, "The period of this date is closed.")
            {
                Field = "issueDate",
                Arguments = new Dictionary<string, object>
                {
                    ["date"] = issueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["closedUntil"] = until.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                },
            };
        }
    }
}
