using Koban.Domain.Common;
namespace Koban.Domain.Companies;

/// <summary>
/// A fiscal year of twelve months starting on the first day of the company's start month: it dates yearly closures and
/// names the FEC file after its closing date (domain-rules.md §9). Longer or shorter first years are not modelled.
/// </summary>
public sealed record FiscalYear
{
    private FiscalYear(DateOnly start, DateOnly end)
    {
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    /// <summary>The closing date (last day, inclusive).</summary>
    public DateOnly End { get; }

    public static FiscalYear Containing(DateOnly date, int startMonth)
    {
        if (startMonth is < 1 or > 12)
        {
            throw new DomainException(ErrorCodes.FiscalYearStartMonthInvalid, $"A fiscal year cannot start in month {startMonth}.")
            {
                Field = "fiscalYearStartMonth",
            };
        }

        var start = new DateOnly(date.Month >= startMonth ? date.Year : date.Year - 1, startMonth, 1);
        return new FiscalYear(start, start.AddYears(1).AddDays(-1));
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
