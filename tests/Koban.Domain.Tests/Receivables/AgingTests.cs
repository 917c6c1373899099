using Koban.Domain.Receivables;

namespace Koban.Domain.Tests.Receivables;

public sealed class AgingTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [TestCase(-5, 0, AgingBucket.NotDue)]
    [TestCase(0, 0, AgingBucket.NotDue)]
    [TestCase(1, 1, AgingBucket.Days1To30)]
    [TestCase(30, 30, AgingBucket.Days1To30)]
    [TestCase(31, 31, AgingBucket.Days31To60)]
    [TestCase(60, 60, AgingBucket.Days31To60)]
    [TestCase(61, 61, AgingBucket.Days61To90)]
    [TestCase(90, 90, AgingBucket.Days61To90)]
    [TestCase(91, 91, AgingBucket.Over90)]
    [TestCase(400, 400, AgingBucket.Over90)]
    public void An_invoice_due_N_days_ago_is_N_days_late_and_falls_into_its_bucket(int daysAgo, int expectedDaysLate, AgingBucket expected)
    {
        var due = Today.AddDays(-daysAgo);
        Aging.DaysLate(due, Today).ShouldBe(expectedDaysLate);
        Aging.Bucket(due, Today).ShouldBe(expected);
    }

    [Test]
    public void Due_today_is_not_due_yet()
    {
        Aging.DaysLate(Today, Today).ShouldBe(0);
        Aging.Bucket(Today, Today).ShouldBe(AgingBucket.NotDue);
    }

    [Test]
    public void The_due_date_range_of_each_bucket_holds_exactly_the_due_dates_of_that_bucket()
    {
        for (var daysAgo = -40; daysAgo <= 200; daysAgo++)
        {
            var due = Today.AddDays(-daysAgo);
            foreach (var bucket in Enum.GetValues<AgingBucket>())
            {
                var (from, to) = Aging.DueDateRange(bucket, Today);
                var inRange = (from is null || due >= from) && (to is null || due <= to);
                inRange.ShouldBe(Aging.Bucket(due, Today) == bucket, $"due {due}, bucket {bucket}");
            }
        }
    }

    [Test]
    public void The_bucket_ranges_on_the_boundaries()
    {
        Aging.DueDateRange(AgingBucket.NotDue, Today).ShouldBe((Today, (DateOnly?)null));
        Aging.DueDateRange(AgingBucket.Days1To30, Today).ShouldBe((new DateOnly(2026, 10, 29), new DateOnly(2026, 11, 27)));
        Aging.DueDateRange(AgingBucket.Days31To60, Today).ShouldBe((new DateOnly(2026, 9, 29), new DateOnly(2026, 10, 28)));
        Aging.DueDateRange(AgingBucket.Days61To90, Today).ShouldBe((new DateOnly(2026, 8, 30), new DateOnly(2026, 9, 28)));
        Aging.DueDateRange(AgingBucket.Over90, Today).ShouldBe(((DateOnly?)null, new DateOnly(2026, 8, 29)));
    }

    [Test]
    public void DSO_is_outstanding_over_the_sales_of_the_last_90_days_times_90()
    {
        // 12 000 € owed against 36 000 € invoiced in 90 days: a third of the period's sales, 30 days.
        Aging.DaysSalesOutstanding(12000m, 36000m).ShouldBe(30.0m);
        // 1 000 / 2 700 × 90 = 33.333… → 33.3
        Aging.DaysSalesOutstanding(1000m, 2700m).ShouldBe(33.3m);
        // 1 000.05 / 1 800 × 90 = 50.0025 → 50.0; 1 001 / 1 800 × 90 = 50.05 → 50.1 (half away from zero)
        Aging.DaysSalesOutstanding(1000.05m, 1800m).ShouldBe(50.0m);
        Aging.DaysSalesOutstanding(1001m, 1800m).ShouldBe(50.1m);
        // More owed than sold in the window: older invoices are still open, DSO goes beyond 90 days.
        Aging.DaysSalesOutstanding(5000m, 1000m).ShouldBe(450.0m);
        Aging.DaysSalesOutstanding(0m, 1000m).ShouldBe(0.0m);
    }

    [Test]
    public void DSO_is_undefined_without_sales_in_the_window()
    {
        Aging.DaysSalesOutstanding(1500m, 0m).ShouldBeNull();
        Aging.DaysSalesOutstanding(0m, 0m).ShouldBeNull();
    }

    [Test]
    public void The_DSO_window_is_the_90_days_ending_on_the_date_both_included()
    {
        var start = Aging.DsoWindowStart(Today);
        start.ShouldBe(new DateOnly(2026, 8, 31));
        (Today.DayNumber - start.DayNumber + 1).ShouldBe(90);
    }
}
