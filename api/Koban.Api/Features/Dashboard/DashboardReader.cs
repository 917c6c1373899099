using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Dashboard;

/// <summary>The dashboard's own figures, each computed once by the database or by the feature that owns it: the revenue by
/// two grouped sums, what is left to invoice by the orders' ledgers replayed from their validated documents
/// (<see cref="GetOrderLedgersQuery"/>), the next milestones by one sorted query, the activity by one page of
/// the audit log and one look-up per kind of record named.</summary>
public sealed class DashboardReader(KobanDbContext db, IMediator mediator)
{
    public const int NextMilestones = 5;
    public const int RecentActivity = 10;

    public async Task<DashboardRevenue> RevenueAsync(DateOnly today, CancellationToken ct)
    {
        DateOnly from = MonthlyRevenue.WindowStart(today), to = MonthlyRevenue.WindowEnd(today);
        var invoiced = await db.Invoices.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.Status == BillingStatus.Validated && i.IssueDate >= from && i.IssueDate <= to)
            .GroupBy(i => new { i.IssueDate!.Value.Year, i.IssueDate!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(i => i.TotalExcludingVat) })
            .ToListAsync(ct);
        var credited = await db.CreditNotes.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.Status == BillingStatus.Validated && c.IssueDate >= from && c.IssueDate <= to)
            .GroupBy(c => new { c.IssueDate!.Value.Year, c.IssueDate!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(c => c.TotalExcludingVat) })
            .ToListAsync(ct);
        var series = MonthlyRevenue.Series(today,
            invoiced.Select(i => new MonthMovements(i.Year, i.Month, i.Amount, 0m)).Concat(credited.Select(c => new MonthMovements(c.Year, c.Month, 0m, c.Amount))));
        return new DashboardRevenue(series[^1].AmountExcludingVat, series[^2].AmountExcludingVat, series.Sum(m => m.AmountExcludingVat),
            [.. series.Select(m => new DashboardMonth(m.FirstDay, m.AmountExcludingVat))]);
    }

    public async Task<DashboardLeftToInvoice> LeftToInvoiceAsync(CancellationToken ct)
    {
        var open = await db.Orders.AsNoTracking().AsSplitQuery().Where(o => o.Status == OrderStatus.InProgress).ToListAsync(ct);
        var ledgers = await mediator.Send(new GetOrderLedgersQuery(open), ct);
        var left = open.Select(o => ledgers[o.Id].LeftToInvoice).Where(l => l != 0m).ToList();
        return new DashboardLeftToInvoice(left.Sum(), left.Count);
    }

    public async Task<IReadOnlyList<DashboardMilestone>> MilestonesAsync(DateOnly today, CancellationToken ct)
    {
        var rows = await db.Set<BillingSchedule>().AsNoTracking()
            .Where(s => db.Orders.Any(o => o.Id == s.OrderId && o.Status == OrderStatus.InProgress))
            .SelectMany(s => s.Milestones.Where(m => m.InvoiceId == null).Select(m => new { Milestone = m, s.OrderId, s.OrderTotalExcludingVat }))
            .OrderBy(x => x.Milestone.PlannedDate).ThenBy(x => x.Milestone.Id)
            .Take(NextMilestones)
            .ToListAsync(ct);
        var orderIds = rows.Select(r => r.OrderId).Distinct().ToList();
        var orders = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => orderIds.Contains(o.Id))
            .Join(db.Customers.IgnoreAutoIncludes(), o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, o.Number, CustomerName = c.Name })
            .ToDictionaryAsync(o => o.Id, ct);
        return [.. rows.Select(r => new MilestoneView(r.Milestone, r.OrderId, orders[r.OrderId].Number, orders[r.OrderId].CustomerName, r.OrderTotalExcludingVat, today)
            .MapTo<DashboardMilestone>())];
    }

    public async Task<IReadOnlyList<DashboardActivity>> ActivityAsync(IReadOnlyList<string> hidden, CancellationToken ct)
    {
        var shown = ActivityWording.Entities.Keys.Except(hidden).ToList();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => shown.Contains(e.EntityType))
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(RecentActivity)
            .Select(e => new ActivityRow { Id = e.Id, OccurredAt = e.OccurredAt, ActorName = e.ActorName, Action = e.Action, EntityType = e.EntityType, EntityId = e.EntityId })
            .ToListAsync(ct);
        var labels = new Dictionary<Guid, string?>();
        foreach (var group in events.Where(e => e.EntityId is not null).GroupBy(e => e.EntityType))
        {
            var ids = group.Select(e => e.EntityId!.Value).Distinct().ToList();
            var found = group.Key switch
            {
                "invoice" or "creditNote" => await db.BillingDocuments.IgnoreAutoIncludes().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Label = d.Number }).ToListAsync(ct),
                "quote" => await db.Quotes.IgnoreAutoIncludes().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, Label = q.Number }).ToListAsync(ct),
                "order" => await db.Orders.IgnoreAutoIncludes().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, Label = o.Number }).ToListAsync(ct),
                "payment" => await db.Payments.IgnoreAutoIncludes().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Label = p.Reference }).ToListAsync(ct),
                "customer" => await db.Customers.IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, Label = (string?)c.Name }).ToListAsync(ct),
                "product" => await db.Products.IgnoreAutoIncludes().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Label = (string?)p.Name }).ToListAsync(ct),
                "opportunity" => await db.Opportunities.IgnoreAutoIncludes().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, Label = (string?)o.Title }).ToListAsync(ct),
                _ => [],
            };
            foreach (var f in found) labels[f.Id] = f.Label;
        }
        return [.. events.Select(e => new ActivityView(e, e.EntityId is { } id ? labels.GetValueOrDefault(id) : null).MapTo<DashboardActivity>())];
    }
}
