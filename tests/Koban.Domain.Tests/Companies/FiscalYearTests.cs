using System.Globalization;
using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Domain.Tests.Companies;

public sealed class FiscalYearTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [TestCase(1, "2026-05-10", "2026-01-01", "2026-12-31", Description = "calendar year")]
    [TestCase(1, "2026-01-01", "2026-01-01", "2026-12-31")]
    [TestCase(1, "2026-12-31", "2026-01-01", "2026-12-31")]
    [TestCase(7, "2026-05-10", "2025-07-01", "2026-06-30", Description = "before the start month: the year that began last year")]
    [TestCase(7, "2026-06-30", "2025-07-01", "2026-06-30")]
    [TestCase(7, "2026-07-01", "2026-07-01", "2027-06-30")]
    [TestCase(3, "2024-01-15", "2023-03-01", "2024-02-29", Description = "closes on a leap day")]
    [TestCase(3, "2025-01-15", "2024-03-01", "2025-02-28")]
    [TestCase(12, "2026-12-01", "2026-12-01", "2027-11-30")]
    [TestCase(12, "2026-11-30", "2025-12-01", "2026-11-30")]
    public void The_fiscal_year_containing_a_date_runs_twelve_months_from_the_start_month(int startMonth, string date, string start, string end)
    {
        var year = FiscalYear.Containing(D(date), startMonth);

        year.Start.ShouldBe(D(start));
        year.End.ShouldBe(D(end));
        year.Contains(D(date)).ShouldBeTrue();
    }

    [Test]
    public void A_fiscal_year_contains_its_first_and_last_days_and_nothing_outside()
    {
        var year = FiscalYear.Containing(D("2026-05-10"), 7);

        year.Contains(D("2025-07-01")).ShouldBeTrue();
        year.Contains(D("2026-06-30")).ShouldBeTrue();
        year.Contains(D("2025-06-30")).ShouldBeFalse();
        year.Contains(D("2026-07-01")).ShouldBeFalse();
    }

    [TestCase(0)]
    [TestCase(13)]
    [TestCase(-1)]
    public void A_start_month_outside_1_to_12_is_refused(int startMonth)
    {
        var exception = Should.Throw<DomainException>(() => FiscalYear.Containing(D("2026-05-10"), startMonth));

        exception.Code.ShouldBe(ErrorCodes.FiscalYearStartMonthInvalid);
        exception.Field.ShouldBe("fiscalYearStartMonth");
    }
}
