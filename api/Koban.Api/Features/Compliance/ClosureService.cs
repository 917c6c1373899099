using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Common;
using Koban.Domain.Compliance;
using Koban.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Compliance;

/// <summary>
/// Closes periods for the current company (the endpoint and the automatic job both come here). A closure takes the next
/// place in the company's fingerprint chain exactly as a validation does: inside one transaction it locks the chain head
/// (<c>SELECT … FOR UPDATE</c>), re-reads the closures and documents under that lock, computes, inserts and moves the head.
/// Validations lock the same row and refuse a date inside a closed month (<see cref="ClosedPeriods.EnsureDateOpenAsync"/>), so a closed
/// period can never receive a document.
/// </summary>
public sealed class ClosureService(KobanDbContext db, AuditLog audit, CurrentActor actor, CompanyClock companyClock, TimeProvider clock, ILogger<ClosureService> logger)
{
    /// <summary>Closes one period; joins the caller's transaction when there is one (the job closes a company's backlog in one).</summary>
    public async Task<Closure> CloseAsync(ClosureKind kind, int year, int? month, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().SingleAsync(ct);
        var period = ClosurePeriod.Of(kind, year, month, company.FiscalYearStartMonth);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var head = await LockChainHeadAsync(ct);
            var existing = await db.Closures.AsNoTracking().Select(c => new { c.Kind, c.PeriodStart, c.PeriodEnd }).ToListAsync(ct);
            var lastMonthEnd = existing.Where(c => c.Kind == ClosureKind.Month).Select(c => (DateOnly?)c.PeriodEnd).Max();
            var firstOpen = await db.BillingDocuments.AsNoTracking()
                .Where(d => d.Status == BillingStatus.Validated && (lastMonthEnd == null || d.IssueDate > lastMonthEnd))
                .MinAsync(d => d.IssueDate, ct);
            var context = new ClosureContext(await companyClock.TodayAsync(ct), clock.GetUtcNow(), actor.UserId, actor.DisplayName,
                [.. existing.Select(c => (c.Kind, c.PeriodStart))], firstOpen, head.LastSequence + 1, head.LastFingerprint);
            Closure.EnsureCanClose(period, context);

            var documents = await DocumentsAsync(period.FiscalYearStart, period.End, ct);
            var closure = Closure.Close(Guid.CreateVersion7(), company.Id, period, context, documents);
            db.Closures.Add(closure);
            head.LastSequence = closure.ChainSequence;
            head.LastFingerprint = closure.Fingerprint;
            audit.Record("closure.closed", "closure", closure.Id, after: new
            {
                kind = closure.Kind.ToString(),
                period = period.Label,
                closure.PeriodStart,
                closure.PeriodEnd,
                closure.PeriodTotals,
                closure.CumulativeTotals,
                closure.LastDocumentNumber,
                closure.ChainSequence,
                closure.Fingerprint,
            });
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            logger.LogInformation("Closed {Period} (chain #{Sequence})", period.Label, closure.ChainSequence);
            return closure;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The validated documents dated within the range, as the closure reads them.</summary>
    public async Task<IReadOnlyList<ClosureDocument>> DocumentsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.BillingDocuments.AsNoTracking().IgnoreAutoIncludes()
            .Where(d => d.Status == BillingStatus.Validated && d.IssueDate >= from && d.IssueDate <= to)
            .OrderBy(d => d.ChainSequence)
            .ToListAsync(ct);
        return [.. rows.Select(d => new ClosureDocument(d.TypeCode, d is CreditNote, d.IssueDate!.Value, d.ChainSequence!.Value, d.Number!, d.Fingerprint!,
            d.VatBreakdown, d.TotalExcludingVat, d.TotalVat, d.TotalIncludingVat))];
    }

    private async Task<ChainHead> LockChainHeadAsync(CancellationToken ct)
    {
        var companyId = actor.RequireCompanyId();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO compliance_chain_heads (company_id, last_sequence, last_fingerprint)
            VALUES ({companyId}, 0, {DocumentFingerprint.Genesis})
            ON CONFLICT (company_id) DO NOTHING
            """, ct);
        return await db.ChainHeads.FromSql($"SELECT * FROM compliance_chain_heads WHERE company_id = {companyId} FOR UPDATE").SingleAsync(ct);
    }
}
