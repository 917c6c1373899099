using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Receivables;

public sealed record ReceivablesAgingQuery(DateOnly? AsOf) : IQuery<AgingReport>;

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

        var rows = await OpenInvoices.At(db, asOf, today).AsNoTracking()
            .GroupBy(r => r.CustomerId)
            .Select(g => new
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

        var dsoFrom = Aging.DsoWindowStart(asOf);
        var sales = await db.ReceivableItems.AsNoTracking().Where(i => i.Kind == ReceivableKind.Invoice && i.Date >= dsoFrom && i.Date <= asOf)
            .SumAsync(i => (decimal?)i.Amount, cancellationToken) ?? 0m;

        var customers = rows
            .Select(r => new CustomerAging(r.CustomerId, names.GetValueOrDefault(r.CustomerId, ""),
                new AgingAmounts(r.NotDue, r.Days1To30, r.Days31To60, r.Days61To90, r.Over90, r.Total, r.Disputed, r.Count)))
            .OrderByDescending(c => c.Amounts.Total).ThenBy(c => c.CustomerName, StringComparer.CurrentCulture).ThenBy(c => c.CustomerId)
            .ToList();
        var totals = new AgingAmounts(rows.Sum(r => r.NotDue), rows.Sum(r => r.Days1To30), rows.Sum(r => r.Days31To60), rows.Sum(r => r.Days61To90),
            rows.Sum(r => r.Over90), rows.Sum(r => r.Total), rows.Sum(r => r.Disputed), rows.Sum(r => r.Count));
        return new AgingReport(asOf, customers, totals, sales, dsoFrom, Aging.DaysSalesOutstanding(totals.Total, sales));
    }
}
