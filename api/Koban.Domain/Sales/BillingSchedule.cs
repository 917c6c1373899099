using Koban.Domain.Common;

namespace Koban.Domain.Sales;

/// <summary>One planned billing of an order: a percentage of its total excluding VAT, or an amount excluding VAT.</summary>
public sealed class BillingMilestone
{
    private BillingMilestone()
    {
    }

    internal BillingMilestone(Guid scheduleId) => (Id, BillingScheduleId) = (Guid.CreateVersion7(), scheduleId);

    public Guid Id { get; private set; }
    public Guid BillingScheduleId { get; private set; }
    public string Label { get; private set; } = string.Empty;
    public DateOnly PlannedDate { get; private set; }

    /// <summary>Exactly one of <see cref="Percentage"/> and <see cref="Amount"/> is set.</summary>
    public decimal? Percentage { get; private set; }
    public decimal? Amount { get; private set; }

    /// <summary>The intermediate (or deposit) invoice that billed this milestone (domain-rules.md §6).</summary>
    public Guid? InvoiceId { get; private set; }

    /// <summary>The amount to bill excluding VAT: a percentage is rounded once, here, half away from zero (domain-rules.md §5).</summary>
    public decimal PlannedAmountExcludingVat(decimal orderTotalExcludingVat) =>
        Amount ?? Rounding.Amount(orderTotalExcludingVat * Percentage!.Value / 100m);

    /// <summary>Due from its planned date on, until an invoice is linked.</summary>
    public bool IsDue(DateOnly today) => InvoiceId is null && PlannedDate <= today;

    /// <summary>Late once its planned date is past and still not invoiced.</summary>
    public bool IsLate(DateOnly today) => InvoiceId is null && PlannedDate < today;

    internal decimal ExactShare(decimal orderTotal) => Amount ?? (orderTotal * Percentage!.Value / 100m);

    internal void Set(string label, DateOnly plannedDate, decimal? percentage, decimal? amount)
    {
        Label = label;
        PlannedDate = plannedDate;
        Percentage = percentage;
        Amount = amount;
    }

    internal void Link(Guid? invoiceId) => InvoiceId = invoiceId;
}

/// <summary>
/// The planned billing of a validated order in milestones. Never more than the order's total excluding VAT
/// (<c>billing_schedule_exceeds_order</c>); the order is frozen, so its total is copied once here.
/// </summary>
public sealed class BillingSchedule : ICompanyOwned, IHasUpdatedAt
{
    private readonly List<BillingMilestone> _milestones = [];

    private BillingSchedule()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid OrderId { get; private set; }
    public decimal OrderTotalExcludingVat { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<BillingMilestone> Milestones => _milestones;

    public decimal PlannedTotal => _milestones.Sum(m => m.PlannedAmountExcludingVat(OrderTotalExcludingVat));

    public static BillingSchedule For(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status != OrderStatus.InProgress)
            throw new DomainConflictException(ErrorCodes.OrderNotValidated, $"Order {order.Id} is {order.Status}.");
        return new BillingSchedule { Id = Guid.CreateVersion7(), OrderId = order.Id, OrderTotalExcludingVat = order.TotalExcludingVat };
    }

    public BillingMilestone AddMilestone(string label, DateOnly plannedDate, decimal? percentage, decimal? amount)
    {
        var milestone = new BillingMilestone(Id);
        Check(null, label, percentage, amount);
        milestone.Set(label.Trim(), plannedDate, percentage, amount);
        _milestones.Add(milestone);
        return milestone;
    }

    public void UpdateMilestone(Guid milestoneId, string label, DateOnly plannedDate, decimal? percentage, decimal? amount)
    {
        var milestone = Find(milestoneId);
        EnsureNotInvoiced(milestone);
        Check(milestone, label, percentage, amount);
        milestone.Set(label.Trim(), plannedDate, percentage, amount);
    }

    public void RemoveMilestone(Guid milestoneId)
    {
        var milestone = Find(milestoneId);
        EnsureNotInvoiced(milestone);
        _milestones.Remove(milestone);
    }

    public void LinkInvoice(Guid milestoneId, Guid invoiceId)
    {
        var milestone = Find(milestoneId);
        EnsureNotInvoiced(milestone);
        milestone.Link(invoiceId);
    }

    /// <summary>When the linked draft invoice is deleted, the milestone becomes due again.</summary>
    public void UnlinkInvoice(Guid milestoneId)
    {
        var milestone = Find(milestoneId);
        if (milestone.InvoiceId is null)
            throw new DomainConflictException(ErrorCodes.InvalidStateTransition, "The milestone has no invoice.") { Arguments = new Dictionary<string, object> { ["status"] = "notInvoiced" } };
        milestone.Link(null);
    }

    public IEnumerable<BillingMilestone> DueMilestones(DateOnly today) => _milestones.Where(m => m.IsDue(today)).OrderBy(m => m.PlannedDate);

    private void Check(BillingMilestone? replaced, string label, decimal? percentage, decimal? amount)
    {
        if (string.IsNullOrWhiteSpace(label))
            throw new DomainException(ErrorCodes.MilestoneLabelRequired, "The milestone label is required.") { Field = "label" };
        var shapeHolds = (percentage, amount) switch
        {
            ({ } p, null) => p is > 0m and <= 100m && Rounding.Amount(p) == p,
            (null, { } a) => a > 0m && Rounding.Amount(a) == a,
            _ => false,
        };
        if (!shapeHolds)
            throw new DomainException(ErrorCodes.MilestonePercentageOrAmount, "A milestone takes a percentage or an amount.") { Field = percentage is null ? "amount" : "percentage" };

        // Compared unrounded: two 50 % milestones of 0.03 € round to 0.02 each, yet they plan exactly the order.
        var total = _milestones.Where(m => !ReferenceEquals(m, replaced)).Sum(m => m.ExactShare(OrderTotalExcludingVat))
            + (amount ?? (OrderTotalExcludingVat * percentage!.Value / 100m));
        if (total > OrderTotalExcludingVat)
        {
            throw new DomainException(ErrorCodes.BillingScheduleExceedsOrder, "The schedule exceeds the order total.")
            {
                Field = percentage is null ? "amount" : "percentage",
                Arguments = new Dictionary<string, object> { ["orderTotal"] = OrderTotalExcludingVat },
            };
        }
    }

    private BillingMilestone Find(Guid milestoneId) =>
        _milestones.Find(m => m.Id == milestoneId)
        ?? throw new DomainException(ErrorCodes.MilestoneNotFound, $"Milestone {milestoneId} is not in schedule {Id}.") { Field = "milestoneId" };

    private static void EnsureNotInvoiced(BillingMilestone milestone)
    {
        if (milestone.InvoiceId is not null)
            throw new DomainConflictException(ErrorCodes.MilestoneAlreadyInvoiced, "The milestone is already invoiced.") { Field = "milestoneId" };
    }
}
