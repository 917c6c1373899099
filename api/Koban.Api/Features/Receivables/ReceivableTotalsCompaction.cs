using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Persistence.Sql;
using Koban.Api.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koban.Api.Features.Receivables;

/// <summary>Settings of the compaction of the receivables' totals (<c>Koban:ReceivableTotals</c>).</summary>
public sealed class ReceivableTotalsSettings
{
    /// <summary>Whether this instance runs the compaction worker (default true).</summary>
    public bool Worker { get; set; } = true;

    /// <summary>A company is compacted once its summary holds more than this many rows beyond one per key (default 1 000).</summary>
    public int CompactionThreshold { get; set; } = 1_000;

    /// <summary>How often the worker counts the rows waiting (default 30 s).</summary>
    public double CheckSeconds { get; set; } = 30;
}

/// <summary>
/// Folds the deltas of <c>receivable_due_totals</c> into one row per company, due date and dispute flag
/// (<see cref="ReceivableTotalsSql"/>): finds the companies past the threshold with a system-scope read, then runs the
/// compaction statement of each in a scope acting as that company (<see cref="CompanyWorkRunner"/>), so row-level
/// security holds. Safe alongside payments and validations, and on several instances at once: the statement never changes
/// a sum.
/// </summary>
public sealed class ReceivableTotalsCompactor(CompanyWorkRunner companies, IOptions<ReceivableTotalsSettings> settings)
{
    public const string ActorName = "Totaux des créances";

    /// <summary>Compacts every company with more than the configured number of rows waiting; returns the rows removed.</summary>
    public Task<long> RunDueAsync(CancellationToken ct) => RunAsync(Math.Max(0, settings.Value.CompactionThreshold), ct);

    /// <summary>Compacts every company with more than <paramref name="threshold"/> rows waiting (0: every company with
    /// anything to fold); returns the rows removed.</summary>
    public async Task<long> RunAsync(int threshold, CancellationToken ct)
    {
        var due = await companies.ReadAsSystemAsync((db, c) => db.Database.SqlQueryRaw<Guid>(ReceivableTotalsSql.CompaniesToCompact, threshold).ToListAsync(c), ct);
        var pass = await companies.ForEachCompanyAsync(due, ActorName, "Compacting the receivables' totals",
            (company, c) => CompactAsync(company.Services.GetRequiredService<KobanDbContext>(), company.CompanyId, c), ct);
        return pass.Completed.Sum(r => r.Result);
    }

    /// <summary>Compacts one company's summary in one statement; returns the rows removed.</summary>
    public static async Task<long> CompactAsync(KobanDbContext db, Guid companyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Database.SqlQuery<long>($"SELECT koban_compact_receivable_due_totals({companyId}) AS \"Value\"").SingleAsync(ct);
    }
}

/// <summary>Runs the compaction at start (every company with anything to fold: what a bulk load or a stopped process left)
/// and then every <see cref="ReceivableTotalsSettings.CheckSeconds"/> for the companies past the threshold.</summary>
public sealed class ReceivableTotalsWorker(ReceivableTotalsCompactor compactor, TimeProvider clock, IOptions<ReceivableTotalsSettings> settings,
    ILogger<ReceivableTotalsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.Value.CheckSeconds)), clock);
        var first = true;
        do
        {
            try
            {
                await (first ? compactor.RunAsync(0, stoppingToken) : compactor.RunDueAsync(stoppingToken));
                first = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Compacting the receivables' totals failed; it runs again at the next check");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
