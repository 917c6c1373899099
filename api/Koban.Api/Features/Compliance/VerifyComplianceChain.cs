using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Compliance;
using Koban.Domain.Invoicing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Compliance;

/// <summary>Where the chain first breaks: the document, what was expected and what was found.</summary>
public sealed record ChainBreak(long Sequence, Guid DocumentId, string DocumentType, string? Number, string Problem, string Expected, string Found);

/// <summary>The result of recomputing every fingerprint of the company's chain from the stored content.</summary>
public sealed record ChainVerification(bool Intact, int DocumentsChecked, int ClosuresChecked, long LastSequence, string LastFingerprint, ChainBreak? FirstBreak, DateTimeOffset CheckedAt);

public sealed record VerifyChainQuery : IQuery<ChainVerification>;

/// <summary>
/// Recomputes each validated document's and each closure's fingerprint from its stored content (lines, snapshots, breakdown,
/// totals — not only the stored hash), walking both in chain order, checks that each points at the previous one and that
/// sequences follow without gap, and that the chain head matches the last link (domain-rules.md §8). Streams documents in
/// batches, so memory stays flat (closures are a dozen a year and are read at once).
/// </summary>
public sealed class VerifyChainHandler(KobanDbContext db, TimeProvider clock) : IQueryHandler<VerifyChainQuery, ChainVerification>
{
    private const int Batch = 500;

    public async ValueTask<ChainVerification> Handle(VerifyChainQuery query, CancellationToken cancellationToken)
    {
        var previous = DocumentFingerprint.Genesis;
        long expectedSequence = 1;
        int documentsChecked = 0, closuresChecked = 0;
        ChainBreak? firstBreak = null;
        var closures = new Queue<Closure>(await db.Closures.AsNoTracking().OrderBy(c => c.ChainSequence).ToListAsync(cancellationToken));
        long after = 0;
        var more = true;
        while (firstBreak is null && (more || closures.Count > 0))
        {
            var page = more
                ? await db.BillingDocuments.AsNoTracking().AsSplitQuery()
                    .Where(d => d.Status == BillingStatus.Validated && d.ChainSequence > after)
                    .OrderBy(d => d.ChainSequence).Take(Batch).ToListAsync(cancellationToken)
                : [];
            more = page.Count == Batch;
            foreach (var d in page)
            {
                var sequence = d.ChainSequence!.Value;
                after = sequence;
                while (firstBreak is null && closures.Count > 0 && closures.Peek().ChainSequence < sequence)
                    firstBreak = CheckClosure(closures.Dequeue());
                firstBreak ??= Check(sequence, d.Id, d.TypeCode, d.Number, d.PreviousFingerprint, d.Fingerprint, d.RecomputeFingerprint);
                if (firstBreak is null) documentsChecked++;
                if (firstBreak is not null) break;
            }
            db.ChangeTracker.Clear();
            if (!more)
            {
                while (firstBreak is null && closures.Count > 0)
                    firstBreak = CheckClosure(closures.Dequeue());
            }
        }

        var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (firstBreak is null && head is not null && (head.LastSequence != expectedSequence - 1 || head.LastFingerprint != previous))
            firstBreak = new ChainBreak(head.LastSequence, Guid.Empty, "HEAD", null, "head_mismatch", previous, head.LastFingerprint);
        return new ChainVerification(firstBreak is null, documentsChecked, closuresChecked, expectedSequence - 1, previous, firstBreak, clock.GetUtcNow());

        ChainBreak? Check(long sequence, Guid id, string type, string? number, string? previousFingerprint, string? fingerprint, Func<string> recompute)
        {
            static string Text(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (sequence != expectedSequence)
                return new ChainBreak(sequence, id, type, number, "sequence_gap", Text(expectedSequence), Text(sequence));
            if (previousFingerprint != previous)
                return new ChainBreak(sequence, id, type, number, "previous_link_broken", previous, previousFingerprint ?? "");
            if (recompute() is var recomputed && recomputed != fingerprint)
                return new ChainBreak(sequence, id, type, number, "content_changed", fingerprint ?? "", recomputed);
            previous = fingerprint!;
            expectedSequence++;
            return null;
        }

        ChainBreak? CheckClosure(Closure c)
        {
            var result = Check(c.ChainSequence, c.Id, c.TypeCode, c.Period.Label, c.PreviousFingerprint, c.Fingerprint, c.RecomputeFingerprint);
            if (result is null) closuresChecked++;
            return result;
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/chain", async Task<Ok<ChainVerification>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new VerifyChainQuery(), ct)))
            .WithName("VerifyComplianceChain")
            .WithSummary("Recompute and verify the company's fingerprint chain")
            .WithDescription("Recomputes the SHA-256 fingerprint of every validated invoice and credit note from its stored content (every line, the seller and buyer snapshots, the per-rate breakdown, the totals, the validation time) and of every closure from its stored totals, walking them together in chain order, and checks each links to the previous one without gap. `intact: false` reports the first break: `content_changed` (a document's or closure's content no longer gives its fingerprint — e.g. a line description, an address or a total altered behind the application's back), `previous_link_broken`, `sequence_gap` or `head_mismatch`. The canonical texts are documented in docs/compliance.md, so the check can be redone without Koban.")
            .RequirePermission(Permissions.Audit, Access.Read)
            .WithExamples(null, 200, ComplianceExamples.Chain);
}
