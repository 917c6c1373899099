using Koban.Api.Features.Receivables;

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
    IReadOnlyList<DashboardActivity>? Activity);
