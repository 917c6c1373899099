using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Receivables;

/// <summary>The aging report on <paramref name="AsOf"/>; with <paramref name="TotalsOnly"/> (the dashboard) the customers'
/// list is left empty and, from today on, the totals come from the maintained summary per due date.</summary>
public sealed record ReceivablesAgingQuery(DateOnly? AsOf, bool TotalsOnly = false) : IQuery<AgingReport>;

/// <summary>
/// The aging report, computed by the database: one <c>GROUP BY customer</c> over the open invoices with a conditional
/// sum per bucket (the bucket is a due-date range, so nothing is computed per row in C#), one query for the customers'
/// names, one sum for the sales of the DSO window. Nothing loads the invoices themselves.
/// </summary>
public sealed class ReceivablesAgingHandler(KobanDbContext db, CompanyClock clock) : IQueryHandler<ReceivablesAgingQuery, AgingReport>
{
    public async ValueTask<AgingReport> Handle(ReceivablesAgingQuery query, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var asOf = query.AsOf ?? today;
        var (_, due1To30) = Aging.DueDateRange(AgingBucket.Days1To30, asOf);
        var (from31, due31To60) = Aging.DueDateRange(AgingBucket.Days31To60, asOf);
        var (from61, due61To90) = Aging.DueDateRange(AgingBucket.Days61To90, asOf);
        var (_, dueOver90) = Aging.DueDateRange(AgingBucket.Over90, asOf);
        DateOnly last1To30 = due1To30!.Value, first31 = from31!.Value, last31To60 = due31To60!.Value, first61 = from61!.Value, last61To90 = due61To90!.Value,
            lastOver90 = dueOver90!.Value, first1To30 = asOf.AddDays(-30);

        var dsoFrom = Aging.DsoWindowStart(asOf);
        if (query.TotalsOnly && asOf >= today)
        {
            // The same sums over the summary (receivable_due_totals): one row per due date and dispute flag once compacted,
            // kept in the transaction of every change to the invoices' account rows.
            var totals = await db.ReceivableDueTotals.AsNoTracking().GroupBy(_ => 1).Select(g => new AgingRow
            {
                NotDue = g.Sum(t => t.DueDate >= asOf ? t.Outstanding : 0m),
                Days1To30 = g.Sum(t => t.DueDate >= first1To30 && t.DueDate <= last1To30 ? t.Outstanding : 0m),
                Days31To60 = g.Sum(t => t.DueDate >= first31 && t.DueDate <= last31To60 ? t.Outstanding : 0m),
                Days61To90 = g.Sum(t => t.DueDate >= first61 && t.DueDate <= last61To90 ? t.Outstanding : 0m),
                Over90 = g.Sum(t => t.DueDate <= lastOver90 ? t.Outstanding : 0m),
                Total = g.Sum(t => t.Outstanding),
                Disputed = g.Sum(t => t.Disputed ? t.Outstanding : 0m),
                Count = (int)g.Sum(t => t.OpenCount),
            }).SingleOrDefaultAsync(cancellationToken);
            return ReceivablesReader.AgingTotals(asOf, totals ?? new AgingRow(), await SalesAsync(dsoFrom, asOf, cancellationToken), dsoFrom);
        }

        var rows = await OpenInvoices.At(db, asOf, today).AsNoTracking()
            .GroupBy(r => r.CustomerId)
            .Select(g => new AgingRow
            {
                CustomerId = g.Key,
                NotDue = g.Sum(r => r.DueDate >= asOf ? r.Outstanding : 0m),
                Days1To30 = g.Sum(r => r.DueDate >= first1To30 && r.DueDate <= last1To30 ? r.Outstanding : 0m),
                Days31To60 = g.Sum(r => r.DueDate >= first31 && r.DueDate <= last31To60 ? r.Outstanding : 0m),
                Days61To90 = g.Sum(r => r.DueDate >= first61 && r.DueDate <= last61To90 ? r.Outstanding : 0m),
                Over90 = g.Sum(r => r.DueDate <= lastOver90 ? r.Outstanding : 0m),
                Total = g.Sum(r => r.Outstanding),
                Disputed = g.Sum(r => r.Disputed ? r.Outstanding : 0m),
                Count = g.Count(),
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.CustomerId).ToList();
        var names = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        return ReceivablesReader.AgingReport(asOf, rows, names, await SalesAsync(dsoFrom, asOf, cancellationToken), dsoFrom);
    }

    private async Task<decimal> SalesAsync(DateOnly dsoFrom, DateOnly asOf, CancellationToken ct) =>
        await db.ReceivableItems.AsNoTracking().Where(i => i.Kind == ReceivableKind.Invoice && i.Date >= dsoFrom && i.Date <= asOf)
            .SumAsync(i => (decimal?)i.Amount, ct) ?? 0m;
}

public static class GetReceivablesAging
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/aging", async Task<Ok<AgingReport>> (IMediator mediator, DateOnly? asOf, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReceivablesAgingQuery(asOf), ct)))
            .WithName("GetReceivablesAging")
            .WithSummary("Aging of receivables per customer, totals and DSO")
            .WithDescription(ReceivablesEndpoints.OpenInvoicesRule + "Per customer (largest total first): what is owed per bucket of days past the due date on `asOf`, the total, the disputed part (`disputed`, included in the buckets) and the number of open invoices; then the same figures for the whole company. `asOf` defaults to today; on an earlier date the figures are those of that day: invoices dated up to `asOf`, less the payments, credit notes and write-offs allocated up to `asOf` (a payment later cancelled counts as never received; the dispute flag is today's). **DSO** (days sales outstanding) = receivables outstanding on `asOf` (`totals.total`) ÷ invoiced sales including VAT over the 90 days ending on `asOf` (`salesLast90Days`: the totals of the invoices dated from `dsoFrom` = `asOf` − 89 days to `asOf`, credit notes not deducted) × 90, rounded to one decimal; `null` when nothing was invoiced in those 90 days. Everything is summed by the database; amounts include VAT.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(400)
            .WithExamples(null, 200, ReceivablesExamples.Aging);
}
