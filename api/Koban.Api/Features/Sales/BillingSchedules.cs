using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record GetBillingScheduleQuery(Guid OrderId) : IQuery<(BillingScheduleResponse Schedule, uint Version)>;

public sealed record SaveBillingScheduleCommand(Guid OrderId, uint? ExpectedVersion, BillingScheduleRequest Schedule) : ICommand<(BillingScheduleResponse Schedule, uint Version)>;

public sealed record BillingOverviewQuery(DateOnly? DueBy) : IQuery<BillingOverview>;

public sealed class SaveBillingScheduleValidator : AbstractValidator<SaveBillingScheduleCommand>
{
    public SaveBillingScheduleValidator()
    {
        RuleFor(c => c.Schedule.Milestones).NotNull().OverridePropertyName("milestones");
        RuleForEach(c => c.Schedule.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Label).NotEmpty().MaximumLength(200);
            m.RuleFor(x => x.Percentage).InclusiveBetween(0m, 100m).PrecisionScale(7, 4, true).When(x => x.Percentage is not null);
            m.RuleFor(x => x.Amount).GreaterThanOrEqualTo(0m).PrecisionScale(18, 2, true).When(x => x.Amount is not null);
        }).OverridePropertyName("milestones");
    }
}

public sealed class BillingScheduleHandlers(KobanDbContext db, AuditLog audit, CompanyClock clock, Invoicing.BillingService billing)
    : IQueryHandler<GetBillingScheduleQuery, (BillingScheduleResponse Schedule, uint Version)>,
      ICommandHandler<SaveBillingScheduleCommand, (BillingScheduleResponse Schedule, uint Version)>,
      IQueryHandler<BillingOverviewQuery, BillingOverview>
{
    public async ValueTask<(BillingScheduleResponse Schedule, uint Version)> Handle(GetBillingScheduleQuery query, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(o => o.Id == query.OrderId, cancellationToken) ?? throw new NotFoundException("order", query.OrderId);
        var schedule = await db.Set<BillingSchedule>().AsNoTracking().SingleOrDefaultAsync(s => s.OrderId == order.Id, cancellationToken);
        return (await ToResponseAsync(order, schedule, cancellationToken), schedule?.Version ?? 0);
    }

    /// <summary>The request carries every milestone: known ids are updated, new ones added, missing ones removed.
    /// Milestones already invoiced cannot change; the total never exceeds the order (domain rules in BillingSchedule).</summary>
    public async ValueTask<(BillingScheduleResponse Schedule, uint Version)> Handle(SaveBillingScheduleCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == command.OrderId, cancellationToken) ?? throw new NotFoundException("order", command.OrderId);
        var schedule = await db.Set<BillingSchedule>().SingleOrDefaultAsync(s => s.OrderId == order.Id, cancellationToken);
        if (schedule is null)
        {
            schedule = BillingSchedule.For(order);
            db.Add(schedule);
        }
        else
        {
            if (command.ExpectedVersion is { } expected && schedule.Version != expected) throw new PreconditionFailedException();
            db.Entry(schedule).Property(s => s.Version).OriginalValue = command.ExpectedVersion ?? schedule.Version;
            db.Entry(schedule).Property(s => s.UpdatedAt).IsModified = true;
        }
        var wanted = command.Schedule.Milestones;
        var keep = wanted.Where(m => m.Id is not null).Select(m => m.Id!.Value).ToHashSet();
        foreach (var gone in schedule.Milestones.Where(m => !keep.Contains(m.Id)).Select(m => m.Id).ToList()) schedule.RemoveMilestone(gone);
        for (var i = 0; i < wanted.Count; i++)
        {
            var m = wanted[i];
            if (m.Id is { } id)
            {
                if (schedule.Milestones.All(x => x.Id != id)) throw new ReferenceNotFoundException($"milestones[{i}].id");
                schedule.UpdateMilestone(id, m.Label, m.PlannedDate, m.Percentage, m.Amount);
            }
            else
            {
                schedule.AddMilestone(m.Label, m.PlannedDate, m.Percentage, m.Amount);
            }
        }
        audit.Record("order.billing_schedule_changed", "order", order.Id, after: wanted);
        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponseAsync(order, schedule, cancellationToken), schedule.Version);
    }

    public async ValueTask<BillingOverview> Handle(BillingOverviewQuery query, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var dueBy = query.DueBy ?? today;
        var schedules = await db.Set<BillingSchedule>().AsNoTracking()
            .Where(s => s.Milestones.Any(m => m.InvoiceId == null && m.PlannedDate <= dueBy)).ToListAsync(cancellationToken);
        var open = await db.Orders.AsNoTracking().AsSplitQuery().Where(o => o.Status == OrderStatus.InProgress).OrderBy(o => o.OrderDate).Take(500).ToListAsync(cancellationToken);
        var orderIds = schedules.Select(s => s.OrderId).Concat(open.Select(o => o.Id)).Distinct().ToList();
        var headers = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Number, o.CustomerId, o.TotalExcludingVat }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var customerIds = headers.Values.Select(h => h.CustomerId).Distinct().ToList();
        var names = await db.Customers.IgnoreAutoIncludes().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var due = schedules
            .SelectMany(s => s.Milestones.Where(m => m.InvoiceId is null && m.PlannedDate <= dueBy).Select(m => (s, m)))
            .Select(x => new DueMilestone(x.s.OrderId, headers[x.s.OrderId].Number, names.GetValueOrDefault(headers[x.s.OrderId].CustomerId, ""), x.m.Id, x.m.Label,
                x.m.PlannedDate, x.m.PlannedAmountExcludingVat(x.s.OrderTotalExcludingVat), x.m.IsLate(today)))
            .OrderBy(d => d.PlannedDate).ToList();
        // What is left comes from the ledger replayed from the validated invoices and credit notes, as on the order itself.
        var ledgers = await billing.OrderLedgersAsync(open, cancellationToken);
        var left = open.Select(o => (o, left: ledgers[o.Id].LeftToInvoice)).Where(x => x.left != 0m)
            .Select(x => new OrderLeftToInvoice(x.o.Id, x.o.Number, names.GetValueOrDefault(x.o.CustomerId, ""), x.o.OrderDate, x.o.TotalExcludingVat, x.left)).ToList();
        return new BillingOverview(today, due, left);
    }

    private async Task<BillingScheduleResponse> ToResponseAsync(Order order, BillingSchedule? schedule, CancellationToken ct)
    {
        var today = await clock.TodayAsync(ct);
        var total = order.TotalExcludingVat;
        var milestones = schedule?.Milestones.OrderBy(m => m.PlannedDate).Select(m => new MilestoneResponse(m.Id, m.Label, m.PlannedDate, m.Percentage, m.Amount,
            m.PlannedAmountExcludingVat(total), m.InvoiceId, m.IsDue(today), m.IsLate(today))).ToList() ?? [];
        var planned = milestones.Sum(m => m.PlannedAmountExcludingVat);
        return new BillingScheduleResponse(order.Id, order.Number, total, planned, total - planned, milestones);
    }
}
