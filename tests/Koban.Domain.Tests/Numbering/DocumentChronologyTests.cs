using Koban.Domain.Common;
using Koban.Domain.Numbering;

namespace Koban.Domain.Tests.Numbering;

public sealed class DocumentChronologyTests
{
    private static readonly DateOnly FirstYear = new(2026, 1, 1);

    [Test]
    public void A_date_earlier_than_the_series_last_one_is_refused_even_in_an_earlier_year()
    {
        var refused = Should.Throw<DomainException>(() => DocumentChronology.EnsureCanNumber(new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 4), new DateOnly(2025, 1, 1), "issueDate"));
        refused.Code.ShouldBe(ErrorCodes.NumberingBackdated);
        refused.Field.ShouldBe("issueDate");
        refused.Arguments["lastDate"].ShouldBe("04/01/2027");
    }

    [TestCase(1, 1, 1)]
    [TestCase(2025, 12, 31)]
    public void A_date_before_the_first_fiscal_year_is_refused_even_for_an_empty_series(int year, int month, int day)
    {
        var refused = Should.Throw<DomainException>(() => DocumentChronology.EnsureCanNumber(new DateOnly(year, month, day), null, FirstYear, "date"));
        refused.Code.ShouldBe(ErrorCodes.DateBeforeFirstFiscalYear);
        refused.Arguments["firstDate"].ShouldBe("01/01/2026");
    }

    [Test]
    public void The_same_day_as_the_last_document_and_the_first_day_of_the_first_year_are_accepted()
    {
        Should.NotThrow(() => DocumentChronology.EnsureCanNumber(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), FirstYear, "date"));
        Should.NotThrow(() => DocumentChronology.EnsureCanNumber(FirstYear, null, FirstYear, "date"));
    }

    [TestCase("2026-12-07", 1, "2025-01-01")]
    [TestCase("2026-12-07", 7, "2025-07-01")]
    [TestCase("2026-03-15", 7, "2024-07-01")]
    [TestCase("2027-01-04", 1, "2026-01-01")]
    public void The_first_fiscal_year_kept_is_the_one_before_the_year_of_the_company_s_creation(string created, int startMonth, string expected) =>
        DocumentChronology.FirstFiscalYearStart(DateOnly.Parse(created, System.Globalization.CultureInfo.InvariantCulture), startMonth)
            .ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [TestCase(null, "2025-01-01", "FirstFiscalYear")]
    [TestCase("2024-06-30", "2025-01-01", "FirstFiscalYear")]
    [TestCase("2025-01-01", "2025-01-01", "LastNumberedDocument")]
    [TestCase("2027-01-04", "2025-01-01", "LastNumberedDocument")]
    public void The_earliest_date_is_accepted_and_the_day_before_it_refused(string? last, string first, string reason)
    {
        DateOnly? lastOn = last is null ? null : DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
        var firstYear = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        var (earliest, why) = DocumentChronology.Earliest(lastOn, firstYear);
        why.ToString().ShouldBe(reason);
        Should.NotThrow(() => DocumentChronology.EnsureCanNumber(earliest, lastOn, firstYear, "date"));
        Should.Throw<DomainException>(() => DocumentChronology.EnsureCanNumber(earliest.AddDays(-1), lastOn, firstYear, "date"));
    }
}
