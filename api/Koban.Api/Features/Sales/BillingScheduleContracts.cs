using Koban.Domain.Sales;
using Mapster;

namespace Koban.Api.Features.Sales;

public sealed record MilestoneRequest(Guid? Id, string Label, DateOnly PlannedDate, decimal? Percentage, decimal? Amount);

public sealed record BillingScheduleRequest(IReadOnlyList<MilestoneRequest> Milestones);

public sealed record MilestoneResponse(Guid Id, string Label, DateOnly PlannedDate, decimal? Percentage, decimal? Amount, decimal PlannedAmountExcludingVat,
    Guid? InvoiceId, bool IsDue, bool IsLate);

public sealed record BillingScheduleResponse(Guid OrderId, string? OrderNumber, decimal OrderTotalExcludingVat, decimal PlannedTotalExcludingVat,
    decimal UnplannedExcludingVat, IReadOnlyList<MilestoneResponse> Milestones);

public sealed record DueMilestone(Guid OrderId, string? OrderNumber, string CustomerName, Guid MilestoneId, string Label, DateOnly PlannedDate,
    decimal PlannedAmountExcludingVat, bool IsLate);

public sealed record OrderLeftToInvoice(Guid OrderId, string? OrderNumber, string CustomerName, DateOnly OrderDate, decimal TotalExcludingVat, decimal LeftToInvoiceExcludingVat);

/// <summary>Nothing forgotten: milestones due or late, and validated orders with an amount left to invoice.</summary>
public sealed record BillingOverview(DateOnly Today, IReadOnlyList<DueMilestone> DueMilestones, IReadOnlyList<OrderLeftToInvoice> OrdersLeftToInvoice);

/// <summary>A milestone as the schedule shows it: its amount is a share of the order's total, due and late are as of today.</summary>
public sealed record MilestoneSource(BillingMilestone Milestone, decimal OrderTotalExcludingVat, DateOnly Today);

/// <summary>A milestone still to invoice, with its order's number and customer.</summary>
public sealed record DueMilestoneSource(Guid OrderId, string? OrderNumber, string CustomerName, BillingMilestone Milestone, decimal OrderTotalExcludingVat, DateOnly Today);

public sealed class BillingScheduleMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<MilestoneSource, MilestoneResponse>()
            .Map(d => d, s => s.Milestone)
            .Map(d => d.PlannedAmountExcludingVat, s => s.Milestone.PlannedAmountExcludingVat(s.OrderTotalExcludingVat))
            .Map(d => d.IsDue, s => s.Milestone.IsDue(s.Today))
            .Map(d => d.IsLate, s => s.Milestone.IsLate(s.Today));
        config.NewConfig<DueMilestoneSource, DueMilestone>()
            .Map(d => d.MilestoneId, s => s.Milestone.Id)
            .Map(d => d.Label, s => s.Milestone.Label)
            .Map(d => d.PlannedDate, s => s.Milestone.PlannedDate)
            .Map(d => d.PlannedAmountExcludingVat, s => s.Milestone.PlannedAmountExcludingVat(s.OrderTotalExcludingVat))
            .Map(d => d.IsLate, s => s.Milestone.IsLate(s.Today));
    }
}
