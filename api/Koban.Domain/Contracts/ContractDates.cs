using Koban.Domain.Products;

namespace Koban.Domain.Contracts;

/// <summary>The calendar of a contract's terms (docs/contracts.md, "Term and notice").</summary>
public static class ContractDates
{
    public static int MonthsOf(ContractPeriodicity periodicity) => periodicity switch
    {
        ContractPeriodicity.Monthly => 1,
        ContractPeriodicity.Quarterly => 3,
        ContractPeriodicity.HalfYearly => 6,
        ContractPeriodicity.Yearly => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(periodicity), periodicity, null),
    };

    /// <summary>The last day of a term: the day before <c>start.AddMonths(months)</c> (.NET clamps to the month's last
    /// day). 01/01/2027 + 12 → 31/12/2027; 31/01/2027 + 1 → 27/02/2027; 29/02/2028 + 12 → 27/02/2029.</summary>
    public static DateOnly TermEnd(DateOnly start, int months) => start.AddMonths(months).AddDays(-1);

    /// <summary>The last day notice may be given so the contract ends with the term ending on <paramref name="termEnd"/>:
    /// the day before the same day <paramref name="noticeMonths"/> months before the day after the term end, so that whole
    /// months of notice remain. Term end 31/12/2027, 3 months → 30/09/2027; 28/02/2027, 1 month → 31/01/2027; 0 months →
    /// the term end itself.</summary>
    public static DateOnly NoticeDeadline(DateOnly termEnd, int noticeMonths) =>
        noticeMonths == 0 ? termEnd : termEnd.AddDays(1).AddMonths(-noticeMonths).AddDays(-1);
}
