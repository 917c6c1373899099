using Koban.Domain.Common;

namespace Koban.Domain.Invoicing;

/// <summary>What a month's validated documents add to revenue, as summed by the database: invoices and credit notes
/// excluding VAT, each by the calendar month of its issue date.</summary>
public sealed record MonthMovements(int Year, int Month, decimal InvoicedExcludingVat, decimal CreditedExcludingVat);

/// <summary>Revenue invoiced in one calendar month, excluding VAT: validated invoices minus validated credit notes.</summary>
public sealed record MonthRevenue(int Year, int Month, decimal AmountExcludingVat)
{
    public DateOnly FirstDay => new(Year, Month, 1);
}

/// <summary>
/// Revenue invoiced per month (the dashboard's figures). A document counts in the month of its issue date — the date
/// printed on it and the date of its sales-journal entry, so the series agrees with the revenue accounts of the books.
/// The window is the current month and the eleven before it; months without documents count 0. Amounts are sums of
/// documents already rounded to the cent and are rounded to the cent once, at the end.
/// </summary>
public static class MonthlyRevenue
{
    public const int Months = 12;

    public static DateOnly WindowStart(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));

    public static DateOnly WindowEnd(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);

    /// <summary>The twelve months ending with today's, oldest first.</summary>
    public static IReadOnlyList<MonthRevenue> Series(DateOnly today, IEnumerable<MonthMovements> movements)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var byMonth = movements
            .GroupBy(m => (m.Year, m.Month))
            .ToDictionary(g => g.Key, g => g.Sum(m => m.InvoicedExcludingVat) - g.Sum(m => m.CreditedExcludingVat));
        var start = WindowStart(today);
        return [.. Enumerable.Range(0, Months).Select(i => start.AddMonths(i))
            .Select(d => new MonthRevenue(d.Year, d.Month, Rounding.Amount(byMonth.GetValueOrDefault((d.Year, d.Month)))))];
    }
}
