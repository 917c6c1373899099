using Koban.Domain.Invoicing;

namespace Koban.Domain.Tests.Invoicing;

public sealed class MonthlyRevenueTests
{
    [Test]
    public void The_window_is_the_current_month_and_the_eleven_before_it_across_a_year_end()
    {
        var today = new DateOnly(2027, 2, 28);
        MonthlyRevenue.WindowStart(today).ShouldBe(new DateOnly(2026, 3, 1));
        MonthlyRevenue.WindowEnd(today).ShouldBe(new DateOnly(2027, 2, 28));
        MonthlyRevenue.WindowEnd(new DateOnly(2028, 2, 1)).ShouldBe(new DateOnly(2028, 2, 29));
        MonthlyRevenue.WindowStart(new DateOnly(2026, 12, 31)).ShouldBe(new DateOnly(2026, 1, 1));
    }

    [Test]
    public void Each_month_is_its_invoices_minus_its_credit_notes_oldest_first_with_empty_months_at_zero()
    {
        var series = MonthlyRevenue.Series(new DateOnly(2027, 1, 15),
        [
            new MonthMovements(2027, 1, 1200.10m, 200.05m),
            new MonthMovements(2026, 12, 0m, 50.00m),
            new MonthMovements(2026, 2, 999.99m, 0m),
            new MonthMovements(2026, 1, 5000m, 0m), // before the window: ignored
        ]);

        series.Count.ShouldBe(12);
        series[0].FirstDay.ShouldBe(new DateOnly(2026, 2, 1));
        series[^1].FirstDay.ShouldBe(new DateOnly(2027, 1, 1));
        series[0].AmountExcludingVat.ShouldBe(999.99m);
        series[^2].AmountExcludingVat.ShouldBe(-50.00m, "a month with only a credit note is negative");
        series[^1].AmountExcludingVat.ShouldBe(1000.05m);
        series.Skip(1).Take(9).ShouldAllBe(m => m.AmountExcludingVat == 0m);
    }

    [Test]
    public void Rows_of_the_same_month_add_up()
    {
        var series = MonthlyRevenue.Series(new DateOnly(2026, 6, 1), [new MonthMovements(2026, 6, 10m, 1m), new MonthMovements(2026, 6, 5.5m, 0.5m)]);
        series[^1].AmountExcludingVat.ShouldBe(14.00m);
    }
}
