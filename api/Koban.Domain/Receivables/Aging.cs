namespace Koban.Domain.Receivables;

/// <summary>How late an open invoice is, in the usual aging columns: not due yet (due date today or later), then 1–30,
/// 31–60, 61–90 and over 90 days past the due date.</summary>
public enum AgingBucket
{
    NotDue,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

/// <summary>
/// The aging rules of the receivables views (issue 5): days late, the bucket, the due-date range of a bucket (so the
/// database filters on the indexed due date instead of computing a bucket per row) and days sales outstanding.
/// Pure functions of dates and amounts; "today" is the company's (domain-rules.md §8).
/// </summary>
public static class Aging
{
    /// <summary>The days sales outstanding look back over this many days.</summary>
    public const int DsoWindowDays = 90;

    /// <summary>Days past the due date on <paramref name="asOf"/>; 0 on the due date itself and before it.</summary>
    public static int DaysLate(DateOnly dueDate, DateOnly asOf) => Math.Max(0, asOf.DayNumber - dueDate.DayNumber);

    public static AgingBucket BucketOf(int daysLate) => daysLate switch
    {
        <= 0 => AgingBucket.NotDue,
        <= 30 => AgingBucket.Days1To30,
        <= 60 => AgingBucket.Days31To60,
        <= 90 => AgingBucket.Days61To90,
        _ => AgingBucket.Over90,
    };

    public static AgingBucket Bucket(DateOnly dueDate, DateOnly asOf) => BucketOf(DaysLate(dueDate, asOf));

    /// <summary>The due dates (inclusive bounds, null = open) whose invoices fall into <paramref name="bucket"/> on
    /// <paramref name="asOf"/>: NotDue = due on or after <paramref name="asOf"/>; 1–30 = due 30 to 1 days before; …;
    /// over 90 = due 91 days before or earlier.</summary>
    public static (DateOnly? From, DateOnly? To) DueDateRange(AgingBucket bucket, DateOnly asOf) => bucket switch
    {
        AgingBucket.NotDue => (asOf, null),
        AgingBucket.Days1To30 => (asOf.AddDays(-30), asOf.AddDays(-1)),
        AgingBucket.Days31To60 => (asOf.AddDays(-60), asOf.AddDays(-31)),
        AgingBucket.Days61To90 => (asOf.AddDays(-90), asOf.AddDays(-61)),
        AgingBucket.Over90 => (null, asOf.AddDays(-91)),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>The first day of the DSO window ending on <paramref name="asOf"/>: the window is the 90 days
    /// <c>asOf − 89 … asOf</c>, both included.</summary>
    public static DateOnly DsoWindowStart(DateOnly asOf) => asOf.AddDays(-(DsoWindowDays - 1));

    /// <summary>
    /// Days sales outstanding: receivables outstanding ÷ invoiced sales including VAT over the last 90 days × 90, rounded
    /// to one decimal (half away from zero). Undefined (null) when nothing was invoiced in the window: no sales to
    /// measure the receivables against.
    /// </summary>
    public static decimal? DaysSalesOutstanding(decimal outstanding, decimal salesIncludingVat)
    {
        if (salesIncludingVat <= 0m) return null;
        // Multiplying first keeps the division exact where it can be (1 001 × 90 / 1 800 = 50.05, not 50.0499…).
        return Math.Round(outstanding * DsoWindowDays / salesIncludingVat, 1, MidpointRounding.AwayFromZero);
    }
}
