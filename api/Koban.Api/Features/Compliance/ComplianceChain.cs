using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Compliance;

/// <summary>Where the chain first breaks: the document, what was expected and what was found.</summary>
public sealed record ChainBreak(long Sequence, Guid DocumentId, string DocumentType, string? Number, string Problem, string Expected, string Found);

/// <summary>The result of recomputing every fingerprint of the company's chain from the stored content.</summary>
public sealed record ChainVerification(bool Intact, int DocumentsChecked, long LastSequence, string LastFingerprint, ChainBreak? FirstBreak, DateTimeOffset CheckedAt);

public sealed record VerifyChainQuery : IQuery<ChainVerification>;

/// <summary>
/// Recomputes each validated document's fingerprint from its stored content (lines, snapshots, breakdown, totals — not only
/// the stored hash), checks that each points at the previous one and that sequences follow without gap, and that the chain
/// head matches the last document (domain-rules.md §8). Streams documents in batches, so memory stays flat.
/// </summary>
public sealed class VerifyChainHandler(KobanDbContext db, TimeProvider clock) : IQueryHandler<VerifyChainQuery, ChainVerification>
{
    private const int Batch = 500;

    public async ValueTask<ChainVerification> Handle(VerifyChainQuery query, CancellationToken cancellationToken)
    {
        var previous = DocumentFingerprint.Genesis;
        long expectedSequence = 1;
        var checkedCount = 0;
        ChainBreak? firstBreak = null;
        long after = 0;
        while (firstBreak is null)
        {
            var page = await db.BillingDocuments.AsNoTracking().AsSplitQuery()
                .Where(d => d.Status == BillingStatus.Validated && d.ChainSequence > after)
                .OrderBy(d => d.ChainSequence).Take(Batch).ToListAsync(cancellationToken);
            foreach (var d in page)
            {
                var sequence = d.ChainSequence!.Value;
                var type = d.TypeCode;
                if (sequence != expectedSequence)
                    firstBreak = new ChainBreak(sequence, d.Id, type, d.Number, "sequence_gap", expectedSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
                else if (d.PreviousFingerprint != previous)
                    firstBreak = new ChainBreak(sequence, d.Id, type, d.Number, "previous_link_broken", previous, d.PreviousFingerprint ?? "");
                else if (d.RecomputeFingerprint() is var recomputed && recomputed != d.Fingerprint)
                    firstBreak = new ChainBreak(sequence, d.Id, type, d.Number, "content_changed", d.Fingerprint ?? "", recomputed);
                if (firstBreak is not null) break;
                previous = d.Fingerprint!;
                expectedSequence++;
                checkedCount++;
                after = sequence;
            }
            db.ChangeTracker.Clear();
            if (page.Count < Batch) break;
        }

        var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (firstBreak is null && head is not null && (head.LastSequence != expectedSequence - 1 || head.LastFingerprint != previous))
            firstBreak = new ChainBreak(head.LastSequence, Guid.Empty, "HEAD", null, "head_mismatch", previous, head.LastFingerprint);
        return new ChainVerification(firstBreak is null, checkedCount, expectedSequence - 1, previous, firstBreak, clock.GetUtcNow());
    }
}

public static class ComplianceEndpoints
{
    public static void MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/compliance").WithTags("Compliance");
        group.MapGet("/chain", async Task<Ok<ChainVerification>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new VerifyChainQuery(), ct)))
            .WithName("VerifyComplianceChain")
            .WithSummary("Recompute and verify the company's fingerprint chain")
            .WithDescription("Recomputes the SHA-256 fingerprint of every validated invoice and credit note from its stored content (every line, the seller and buyer snapshots, the per-rate breakdown, the totals, the validation time) and checks each links to the previous one without gap. `intact: false` reports the first break: `content_changed` (a document's content no longer gives its fingerprint — e.g. a line description, an address or a total altered behind the application's back), `previous_link_broken`, `sequence_gap` or `head_mismatch`. The canonical text is documented in docs/compliance.md, so the check can be redone without Koban.")
            .RequirePermission(Permissions.Audit, Access.Read)
            .WithExamples(null, 200, new ChainVerification(true, 42, 42, "4be1d2c97f0e5a0c2b7b3f2b8e4b1f6f0a9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b", null, new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero)));
    }
}
