using Koban.Domain.Common;
using Koban.Domain.Customers;

namespace Koban.Domain.Receivables.Reminders;

/// <summary>The outstanding amount of an invoice from the end of <see cref="Date"/> on (after that day's payments and credits).</summary>
public readonly record struct OutstandingStep(DateOnly Date, decimal Outstanding);

/// <summary>A run of days charged on one balance: days in (<see cref="From"/>, <see cref="To"/>].</summary>
public sealed record InterestSegment(DateOnly From, DateOnly To, int Days, decimal Balance, decimal Interest);

/// <summary>Interest accrued over a period, the days it covers, and the recovery indemnity.</summary>
public sealed record LateInterestResult(DateOnly From, DateOnly To, int Days, decimal AnnualRate, decimal Interest, decimal Indemnity, IReadOnlyList<InterestSegment> Segments)
{
    public decimal Total => Interest + Indemnity;
}

/// <summary>
/// Late-payment penalties (domain-rules §7, art. L441-10 du Code de commerce): simple interest at the annual penalty
/// rate, counted from the day after the due date, on the balance actually outstanding each day — a payment on day P
/// stops interest on the amount paid from the day after P (day P is still late). Interest = Σ balance × rate × days / 365,
/// summed unrounded over the segments between payment dates and rounded once, to the cent. Business customers only,
/// who also owe the fixed 40 € recovery indemnity per late invoice (art. D441-5), outside the scope of VAT: it is reported
/// whenever the invoice is past due; whether it was already invoiced is the caller's to know.
/// </summary>
public static class LateInterest
{
    public const decimal RecoveryIndemnity = 40m;
    private const decimal DaysPerYear = 365m;

    /// <param name="dueDate">The invoice's due date; interest runs from the next day.</param>
    /// <param name="history">The outstanding amount over time: at least the step on or before the due date (the amount
    /// then due), then one step per date the balance changed. Order does not matter.</param>
    /// <param name="annualRatePercent">The penalty rate, e.g. 12.15 for 12,15 %.</param>
    /// <param name="customerKind">Individuals owe neither interest nor the indemnity.</param>
    /// <param name="asOf">The last day counted (today, or the end of the period being invoiced).</param>
    /// <param name="from">Count only days after this date (the end of a period already invoiced); defaults to the due date.</param>
    public static LateInterestResult Compute(DateOnly dueDate, IEnumerable<OutstandingStep> history, decimal annualRatePercent, CustomerKind customerKind,
        DateOnly asOf, DateOnly? from = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var start = from is { } f && f > dueDate ? f : dueDate;
        var steps = history.OrderBy(s => s.Date).ToList();
        var indemnity = customerKind == CustomerKind.Business && asOf > dueDate ? RecoveryIndemnity : 0m;
        if (customerKind != CustomerKind.Business || asOf <= start)
        {
            return new LateInterestResult(start, asOf < start ? start : asOf, 0, annualRatePercent, 0m, indemnity, []);
        }

        // Balance of day d (start < d <= asOf) = outstanding at the end of the last step dated before d.
        var segments = new List<InterestSegment>();
        var raw = 0m;
        var days = 0;
        var cursor = start;
        var balance = steps.Where(s => s.Date <= start).Select(s => s.Outstanding).LastOrDefault();
        foreach (var step in steps.Where(s => s.Date > start && s.Date < asOf).Append(new OutstandingStep(asOf, 0m)))
        {
            var segmentDays = step.Date.DayNumber - cursor.DayNumber;
            if (segmentDays > 0 && balance > 0)
            {
                var interest = balance * annualRatePercent / 100m * segmentDays / DaysPerYear;
                segments.Add(new InterestSegment(cursor, step.Date, segmentDays, balance, Rounding.Amount(interest)));
                raw += interest;
                days += segmentDays;
            }
            cursor = step.Date;
            balance = step.Outstanding;
        }
        return new LateInterestResult(start, asOf, days, annualRatePercent, Rounding.Amount(raw), indemnity, segments);
    }
}
