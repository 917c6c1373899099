namespace Koban.Domain.Contracts;

/// <summary>The notice calendar of a contract's terms (docs/contracts.md, "Term and notice"); term ends and periods are
/// <see cref="ContractPeriods"/>'.</summary>
public static class ContractDates
{
    /// <summary>The last day notice may be given so the contract ends with the term ending on <paramref name="termEnd"/>:
    /// the day before the same day <paramref name="noticeMonths"/> months before the day after the term end, so that whole
    /// months of notice remain. Term end 31/12/2027, 3 months → 30/09/2027; 28/02/2027, 1 month → 31/01/2027; 0 months →
    /// the term end itself.</summary>
    public static DateOnly NoticeDeadline(DateOnly termEnd, int noticeMonths) =>
        noticeMonths == 0 ? termEnd : termEnd.AddDays(1).AddMonths(-noticeMonths).AddDays(-1);
}
