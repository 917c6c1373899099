using Koban.Api.Features.Receivables;
using Koban.Domain.Sales;
using Mapster;

namespace Koban.Api.Features.Dashboard;

/// <summary>Revenue invoiced excluding VAT in one calendar month (<c>month</c> = its first day).</summary>
public sealed record DashboardMonth(DateOnly Month, decimal AmountExcludingVat);

/// <summary>Revenue invoiced excluding VAT: validated invoices minus validated credit notes, by issue date.</summary>
public sealed record DashboardRevenue(decimal CurrentMonth, decimal PreviousMonth, decimal Last12Months, IReadOnlyList<DashboardMonth> Months);

/// <summary>What validated orders still in progress have left to invoice, excluding VAT.</summary>
public sealed record DashboardLeftToInvoice(decimal AmountExcludingVat, int Orders);

/// <summary>Invoices past their due date: what is still owed on them (including VAT), how many, and the five oldest.</summary>
public sealed record DashboardOverdue(decimal TotalOutstanding, int Count, IReadOnlyList<ReceivableSummary> Oldest);

/// <summary>A billing-schedule milestone not invoiced yet.</summary>
public sealed record DashboardMilestone(Guid OrderId, string? OrderNumber, string CustomerName, Guid MilestoneId, string Label, DateOnly PlannedDate,
    decimal AmountExcludingVat, bool IsLate);

/// <summary>One recent change, with the sentence the SPA shows (French) and what it is about.</summary>
public sealed record DashboardActivity(Guid Id, DateTimeOffset OccurredAt, string? ActorName, string Action, string EntityType, Guid? EntityId, string? DocumentLabel,
    string Summary);

/// <summary>The home page's figures; a part the caller may not read is <c>null</c>.</summary>
public sealed record DashboardResponse(
    DateOnly Today,
    string TimeZone,
    DashboardRevenue? Revenue,
    DashboardLeftToInvoice? LeftToInvoice,
    DashboardOverdue? Overdue,
    AgingAmounts? Aging,
    IReadOnlyList<DashboardMilestone>? Milestones,
    IReadOnlyList<DashboardActivity>? Activity,
    Contracts.RecurringRevenueResponse? RecurringRevenue = null,
    DashboardContractsToRenew? ContractsToRenew = null);

/// <summary>Active contracts whose current term ends within 60 days (or whose index revision waits): how many, and the five nearest.</summary>
public sealed record DashboardContractsToRenew(int Count, IReadOnlyList<Contracts.ContractRenewal> Nearest);

/// <summary>A milestone not invoiced yet with its order, its customer and the day it is compared with.</summary>
public sealed record MilestoneView(BillingMilestone Milestone, Guid OrderId, string? OrderNumber, string CustomerName, decimal OrderTotalExcludingVat, DateOnly Today);

/// <summary>An event of the audit log as the activity reads it (its before/after are not loaded).</summary>
public sealed class ActivityRow
{
    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string? ActorName { get; init; }
    public string Action { get; init; } = string.Empty;
    public string EntityType { get; init; } = string.Empty;
    public Guid? EntityId { get; init; }
}

/// <summary>An event with the number or name of the record it is about.</summary>
public sealed record ActivityView(ActivityRow Event, string? DocumentLabel);

/// <summary>How milestones and the activity read on the dashboard.</summary>
public sealed class DashboardMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<MilestoneView, DashboardMilestone>()
            .Map(d => d.MilestoneId, s => s.Milestone.Id)
            .Map(d => d.Label, s => s.Milestone.Label)
            .Map(d => d.PlannedDate, s => s.Milestone.PlannedDate)
            .Map(d => d.AmountExcludingVat, s => s.Milestone.PlannedAmountExcludingVat(s.OrderTotalExcludingVat))
            .Map(d => d.IsLate, s => s.Milestone.IsLate(s.Today));

        config.NewConfig<ActivityView, DashboardActivity>()
            .Map(d => d.Id, s => s.Event.Id)
            .Map(d => d.OccurredAt, s => s.Event.OccurredAt)
            .Map(d => d.ActorName, s => s.Event.ActorName)
            .Map(d => d.Action, s => s.Event.Action)
            .Map(d => d.EntityType, s => s.Event.EntityType)
            .Map(d => d.EntityId, s => s.Event.EntityId)
            .Map(d => d.Summary, s => ActivityWording.Sentence(s.Event.ActorName, s.Event.Action, s.Event.EntityType, s.DocumentLabel));
    }
}
