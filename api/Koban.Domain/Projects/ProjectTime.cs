namespace Koban.Domain.Projects;

/// <summary>One user's time on a project, as summed for the summary.</summary>
public sealed record MemberTime(Guid UserId, int Minutes, int BillableMinutes, int UninvoicedBillableMinutes);

/// <summary>
/// Time spent against budget. Hours are minutes ÷ 60 (shown with 2 decimals); the amount is billable hours × the project's
/// rate rounded once to the cent (<see cref="TimeRules.Amount"/>). Consumption is measured on the hours budget when there
/// is one, else on the amount budget; over budget when either budget is exceeded. A budget of 0 with time spent counts as
/// exceeded (consumption not computable: null).
/// </summary>
public sealed record ProjectTime(
    int SpentMinutes,
    int BillableMinutes,
    int UninvoicedBillableMinutes,
    decimal SpentHours,
    decimal BillableHours,
    decimal UninvoicedBillableHours,
    decimal BillableAmount,
    decimal UninvoicedAmount,
    decimal? HoursConsumedPercent,
    decimal? AmountConsumedPercent,
    decimal? ProgressPercent,
    bool OverBudget,
    IReadOnlyList<MemberTime> Members)
{
    public static ProjectTime Of(decimal? budgetHours, decimal? budgetAmount, decimal hourlyRate, IEnumerable<(Guid UserId, int Minutes, bool Billable, bool Invoiced)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var members = list.GroupBy(e => e.UserId)
            .Select(g => new MemberTime(g.Key, g.Sum(e => e.Minutes), g.Where(e => e.Billable).Sum(e => e.Minutes), g.Where(e => e.Billable && !e.Invoiced).Sum(e => e.Minutes)))
            .OrderByDescending(m => m.Minutes).ThenBy(m => m.UserId)
            .ToList();
        var spent = list.Sum(e => e.Minutes);
        var billable = list.Where(e => e.Billable).Sum(e => e.Minutes);
        var uninvoiced = list.Where(e => e.Billable && !e.Invoiced).Sum(e => e.Minutes);
        var amount = TimeRules.Amount(billable, hourlyRate);
        var spentHours = ShownHours(spent);
        var hoursPercent = Percent(spent / 60m, budgetHours);
        var amountPercent = Percent(amount, budgetAmount);
        var over = (budgetHours is { } h && spent / 60m > h) || (budgetAmount is { } a && amount > a);
        return new ProjectTime(spent, billable, uninvoiced, spentHours, ShownHours(billable), ShownHours(uninvoiced), amount,
            TimeRules.Amount(uninvoiced, hourlyRate), hoursPercent, amountPercent, hoursPercent ?? amountPercent, over, members);
    }

    /// <summary>Hours shown to people: 2 decimals (1 h 20 = 1.33).</summary>
    public static decimal ShownHours(int minutes) => decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);

    private static decimal? Percent(decimal used, decimal? budget) =>
        budget is > 0m ? decimal.Round(used * 100m / budget.Value, 1, MidpointRounding.AwayFromZero) : null;
}
