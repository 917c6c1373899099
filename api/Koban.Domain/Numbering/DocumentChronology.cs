using System.Globalization;
using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Domain.Numbering;

/// <summary>
/// The date a document is numbered with (domain-rules §3: numbers follow one another in time). Checked for every
/// numbered type (quotes at sending, orders and invoices and credit notes at validation) against the whole series, not
/// only the counter's current year: a date is never earlier than the series' last numbered document, whatever year that
/// was, nor earlier than the first day of the first fiscal year Koban keeps for the company: the one before the fiscal
/// year containing the day the company was created in Koban. A business that moves to Koban early in a year still has
/// the previous year open (not closed, its late invoices still to issue); nothing older than that can be numbered here.
/// </summary>
public static class DocumentChronology
{
    /// <summary>First day of the first fiscal year Koban keeps for the company: the year before the one containing its creation.</summary>
    public static DateOnly FirstFiscalYearStart(DateOnly companyCreatedOn, int fiscalYearStartMonth) =>
        FiscalYear.Containing(companyCreatedOn, fiscalYearStartMonth).Start.AddYears(-1);

    /// <summary>The earliest date <see cref="EnsureCanNumber"/> accepts, and which of its two bounds sets it: the series'
    /// last date when there is one at or after the first fiscal year, else the first day of that year.</summary>
    public static (DateOnly Date, EarliestDateReason Reason) Earliest(DateOnly? lastNumberedOn, DateOnly firstFiscalYearStart) =>
        lastNumberedOn is { } last && last >= firstFiscalYearStart
            ? (last, EarliestDateReason.LastNumberedDocument)
            : (firstFiscalYearStart, EarliestDateReason.FirstFiscalYear);

    /// <summary>Refuses <paramref name="date"/> before <paramref name="firstFiscalYearStart"/>
    /// (<c>date_before_first_fiscal_year</c>) or before <paramref name="lastNumberedOn"/>, the latest date of the series
    /// over all its years (<c>numbering_backdated</c>); <paramref name="field"/> names the date in the request.</summary>
    public static void EnsureCanNumber(DateOnly date, DateOnly? lastNumberedOn, DateOnly firstFiscalYearStart, string field)
    {
        if (date < firstFiscalYearStart)
        {
            throw new DomainException(ErrorCodes.DateBeforeFirstFiscalYear, "The date is earlier than the company's first fiscal year.")
            {
                Field = field,
                Arguments = new Dictionary<string, object> { ["firstDate"] = firstFiscalYearStart.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) },
            };
        }
        if (lastNumberedOn is { } last && date < last)
        {
            throw new DomainException(ErrorCodes.NumberingBackdated, "The date is earlier than the series' last document.")
            {
                Field = field,
                Arguments = new Dictionary<string, object> { ["lastDate"] = last.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) },
            };
        }
    }
}

/// <summary>What sets the earliest date a document can be numbered with.</summary>
public enum EarliestDateReason
{
    /// <summary>The first day of the first fiscal year Koban keeps for the company.</summary>
    FirstFiscalYear,

    /// <summary>The date of the series' last numbered document.</summary>
    LastNumberedDocument,

    /// <summary>The day after the last closed period (invoices and credit notes only).</summary>
    ClosedPeriod,
}
