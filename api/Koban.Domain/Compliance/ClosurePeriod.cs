using System.Globalization;
using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Domain.Compliance;

public enum ClosureKind
{
    Month,
    FiscalYear,
}

/// <summary>
/// The period a closure covers: a calendar month, or a fiscal year of twelve months starting in the company's
/// <see cref="Company.FiscalYearStartMonth"/>. A fiscal year is named after the calendar year of its closing date
/// ("exercice clos en 2026"), as the FEC file is (domain-rules.md §9): with a July start, fiscal year 2026 runs
/// from 1 July 2025 to 30 June 2026.
/// </summary>
public sealed record ClosurePeriod
{
    private ClosurePeriod(ClosureKind kind, DateOnly start, DateOnly end, DateOnly fiscalYearStart)
    {
        Kind = kind;
        Start = start;
        End = end;
        FiscalYearStart = fiscalYearStart;
    }

    public ClosureKind Kind { get; }
    public DateOnly Start { get; }

    /// <summary>Last day, inclusive.</summary>
    public DateOnly End { get; }

    /// <summary>The first day of the fiscal year the period belongs to: where cumulative totals start.</summary>
    public DateOnly FiscalYearStart { get; }

    public static ClosurePeriod Month(int year, int month, int fiscalYearStartMonth)
    {
        if (year is < 2000 or > 9998 || month is < 1 or > 12)
            throw new DomainException(ErrorCodes.ClosurePeriodInvalid, "A month is a year from 2000 and a month from 1 to 12.") { Field = "month" };
        var start = new DateOnly(year, month, 1);
        return new ClosurePeriod(ClosureKind.Month, start, start.AddMonths(1).AddDays(-1), FiscalYear.Containing(start, fiscalYearStartMonth).Start);
    }

    /// <summary>The fiscal year whose closing date falls in <paramref name="year"/>.</summary>
    public static ClosurePeriod FiscalYearEndingIn(int year, int fiscalYearStartMonth)
    {
        if (year is < 2000 or > 9998)
            throw new DomainException(ErrorCodes.ClosurePeriodInvalid, "A fiscal year is named after a year from 2000.") { Field = "year" };
        var lastMonth = fiscalYearStartMonth == 1 ? 12 : fiscalYearStartMonth - 1;
        var fiscalYear = FiscalYear.Containing(new DateOnly(year, lastMonth, 1), fiscalYearStartMonth);
        return new ClosurePeriod(ClosureKind.FiscalYear, fiscalYear.Start, fiscalYear.End, fiscalYear.Start);
    }

    public static ClosurePeriod Of(ClosureKind kind, int year, int? month, int fiscalYearStartMonth) => kind switch
    {
        ClosureKind.Month => Month(year, month ?? throw new DomainException(ErrorCodes.ClosurePeriodInvalid, "A monthly closure needs its month.") { Field = "month" }, fiscalYearStartMonth),
        _ => FiscalYearEndingIn(year, fiscalYearStartMonth),
    };

    /// <summary>The month closure of the fiscal year's last month: it must exist before the year closes.</summary>
    public ClosurePeriod LastMonth(int fiscalYearStartMonth) => Month(End.Year, End.Month, fiscalYearStartMonth);

    public ClosurePeriod NextMonth(int fiscalYearStartMonth)
    {
        var next = Start.AddMonths(1);
        return Month(next.Year, next.Month, fiscalYearStartMonth);
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary><c>2026-03</c> for a month, <c>FY2026</c> for a fiscal year: the label used in files and messages.</summary>
    public string Label => Kind == ClosureKind.Month
        ? Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : "FY" + End.Year.ToString(CultureInfo.InvariantCulture);
}
