using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Scheduling;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Common;
using Koban.Domain.Compliance;
using Koban.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Compliance;

/// <summary>
/// Closes, once a day, every ended month not yet closed of every company (from the month after its last closed month,
/// or from its first document's month), then every ended fiscal year whose last month is closed — so a server that was
/// down for days catches up in order. Several API instances may run it at once: each company's backlog is closed in one
/// transaction that first takes <c>pg_try_advisory_xact_lock</c> (the loser skips the company), and the chain-head lock
/// plus the unique index on (company, kind, period start) make a duplicate closure impossible anyway. Registered unless
/// <c>Koban:Compliance:AutoClose</c> is false (and never during the build-time OpenAPI generation).
/// </summary>
public sealed class AutoClosureJob(CompanyWorkRunner companies, TimeProvider clock, ILogger<AutoClosureJob> logger) : BackgroundService
{
    public const string ActorName = "Clôture automatique";
    private const int LockClass = 0x4B4C4F53; // "KLOS"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Automatic closures failed; they will run again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every company; returns the number of closures made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var ids = await companies.ReadAsSystemAsync((db, c) => db.Companies.IgnoreQueryFilters().AsNoTracking().OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(c), ct);
        var pass = await companies.ForEachCompanyAsync(ids, ActorName, "Automatic closures", CloseCompanyAsync, ct);
        return pass.Completed.Sum(c => c.Result);
    }

    private async Task<int> CloseCompanyAsync(CompanyScope company, CancellationToken ct)
    {
        var (companyId, services) = company;
        var db = services.GetRequiredService<KobanDbContext>();
        var closures = services.GetRequiredService<ClosureService>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockClass}, hashtext({companyId.ToString()})) AS \"Value\"").SingleAsync(ct);
        if (!locked) return 0; // another instance is closing this company right now

        var startMonth = await db.Companies.AsNoTracking().Select(c => c.FiscalYearStartMonth).SingleAsync(ct);
        var today = await services.GetRequiredService<CompanyClock>().TodayAsync(ct);
        var existing = await db.Closures.AsNoTracking().Select(c => new { c.Kind, c.PeriodStart }).ToListAsync(ct);
        var lastMonth = existing.Where(c => c.Kind == ClosureKind.Month).Select(c => (DateOnly?)c.PeriodStart).Max();
        ClosurePeriod? next;
        if (lastMonth is { } last)
        {
            next = ClosurePeriod.Month(last.Year, last.Month, startMonth).NextMonth(startMonth);
        }
        else
        {
            var first = await db.BillingDocuments.AsNoTracking().Where(d => d.Status == BillingStatus.Validated).MinAsync(d => d.IssueDate, ct);
            next = first is { } f ? ClosurePeriod.Month(f.Year, f.Month, startMonth) : null;
        }

        var count = 0;
        var closedMonths = existing.Where(c => c.Kind == ClosureKind.Month).Select(c => c.PeriodStart).ToHashSet();
        for (var month = next; month is not null && month.End < today; month = month.NextMonth(startMonth))
        {
            await closures.CloseAsync(ClosureKind.Month, month.Start.Year, month.Start.Month, ct);
            closedMonths.Add(month.Start);
            count++;
        }
        var closedYears = existing.Where(c => c.Kind == ClosureKind.FiscalYear).Select(c => c.PeriodStart).ToHashSet();
        foreach (var monthStart in closedMonths.Order())
        {
            var year = ClosurePeriod.FiscalYearEndingIn(ClosurePeriod.Month(monthStart.Year, monthStart.Month, startMonth).FiscalYearStart.AddYears(1).AddDays(-1).Year, startMonth);
            if (year.End < today && !closedYears.Contains(year.Start) && closedMonths.Contains(year.LastMonth(startMonth).Start))
            {
                await closures.CloseAsync(ClosureKind.FiscalYear, year.End.Year, null, ct);
                closedYears.Add(year.Start);
                count++;
            }
        }
        await transaction.CommitAsync(ct);
        if (count > 0) logger.LogInformation("Closed {Count} period(s) of company {CompanyId}", count, companyId);
        return count;
    }
}
