using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>Builds billing schedules and the billing overview: milestone amounts are shares of the order's total, due and
/// late as of the company's today; what is left to invoice comes from the ledgers replayed from the validated invoices and
/// credit notes, as on the order itself.</summary>
public sealed class BillingScheduleReader(KobanDbContext db, CompanyClock clock, IMediator mediator)
{
    public async Task<BillingScheduleResponse> ResponseAsync(Order order, BillingSchedule? schedule, CancellationToken ct)
    {
        var today = await clock.TodayAsync(ct);
        var total = order.TotalExcludingVat;
        var milestones = schedule?.Milestones.OrderBy(m => m.PlannedDate).Select(m => new MilestoneSource(m, total, today).MapTo<MilestoneResponse>()).ToList() ?? [];
        var planned = milestones.Sum(m => m.PlannedAmountExcludingVat);
        return new BillingScheduleResponse(order.Id, order.Number, total, planned, total - planned, milestones);
    }

    public async Task<BillingOverview> OverviewAsync(DateOnly? dueBy, CancellationToken ct)
    {
        var today = await clock.TodayAsync(ct);
        var until = dueBy ?? today;
        var schedules = await db.Set<BillingSchedule>().AsNoTracking()
            .Where(s => s.Milestones.Any(m => m.InvoiceId == null && m.PlannedDate <= until)).ToListAsync(ct);
        var open = await db.Orders.AsNoTracking().AsSplitQuery().Where(o => o.Status == OrderStatus.InProgress).OrderBy(o => o.OrderDate).Take(500).ToListAsync(ct);
        var orderIds = schedules.Select(s => s.OrderId).Concat(open.Select(o => o.Id)).Distinct().ToList();
        var headers = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Number, o.CustomerId, o.TotalExcludingVat }).ToDictionaryAsync(o => o.Id, ct);
        var customerIds = headers.Values.Select(h => h.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var due = schedules
            .SelectMany(s => s.Milestones.Where(m => m.InvoiceId is null && m.PlannedDate <= until).Select(m => (s, m)))
            .Select(x => new DueMilestoneSource(x.s.OrderId, headers[x.s.OrderId].Number, names.GetValueOrDefault(headers[x.s.OrderId].CustomerId, ""), x.m,
                x.s.OrderTotalExcludingVat, today).MapTo<DueMilestone>())
            .OrderBy(d => d.PlannedDate).ToList();
        var ledgers = await mediator.Send(new Invoicing.GetOrderLedgersQuery(open), ct);
        var left = open.Select(o => (o, left: ledgers[o.Id].LeftToInvoice)).Where(x => x.left != 0m)
            .Select(x => new OrderLeftToInvoice(x.o.Id, x.o.Number, names.GetValueOrDefault(x.o.CustomerId, ""), x.o.OrderDate, x.o.TotalExcludingVat, x.left)).ToList();
        return new BillingOverview(today, due, left);
    }
}
