using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed class PaymentTermsTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void On_receipt_is_due_on_the_invoice_date() =>
        PaymentTerms.OnReceipt.DueDate(D("2026-03-15")).ShouldBe(D("2026-03-15"));

    [TestCase(30, "2026-03-15", "2026-04-14")]
    [TestCase(30, "2026-01-31", "2026-03-02", Description = "across a 28-day February")]
    [TestCase(30, "2024-01-31", "2024-03-01", Description = "across a leap February")]
    [TestCase(30, "2025-12-15", "2026-01-14", Description = "across the new year")]
    [TestCase(60, "2026-01-01", "2026-03-02")]
    [TestCase(0, "2026-03-15", "2026-03-15")]
    [TestCase(365, "2024-03-01", "2025-03-01")]
    public void N_days_counts_calendar_days_from_the_invoice_date(int days, string invoiceDate, string dueDate) =>
        new PaymentTerms(PaymentTermsKind.Days, days).DueDate(D(invoiceDate)).ShouldBe(D(dueDate));

    [TestCase(30, "2026-01-15", "2026-02-28", Description = "lands in February, ends on the 28th")]
    [TestCase(30, "2024-01-15", "2024-02-29", Description = "leap year ends on the 29th")]
    [TestCase(30, "2026-01-31", "2026-03-31", Description = "31 Jan + 30 days is 2 March: end of March")]
    [TestCase(45, "2026-01-15", "2026-03-31")]
    [TestCase(45, "2026-11-20", "2027-01-31", Description = "across the new year")]
    [TestCase(0, "2026-02-10", "2026-02-28")]
    [TestCase(30, "2026-03-31", "2026-04-30")]
    public void N_days_end_of_month_adds_the_days_then_goes_to_the_end_of_that_month(int days, string invoiceDate, string dueDate) =>
        new PaymentTerms(PaymentTermsKind.DaysEndOfMonth, days).DueDate(D(invoiceDate)).ShouldBe(D(dueDate));

    [TestCase(45, "2026-01-15", "2026-03-17")]
    [TestCase(45, "2026-01-31", "2026-03-17", Description = "any day of January gives the same date")]
    [TestCase(10, "2026-02-01", "2026-03-10")]
    [TestCase(0, "2024-02-10", "2024-02-29", Description = "leap February")]
    [TestCase(0, "2026-02-10", "2026-02-28")]
    [TestCase(30, "2025-12-15", "2026-01-30", Description = "across the new year")]
    [TestCase(30, "2026-04-30", "2026-05-30")]
    public void End_of_month_plus_N_days_goes_to_the_end_of_the_invoice_month_then_adds_the_days(int days, string invoiceDate, string dueDate) =>
        new PaymentTerms(PaymentTermsKind.EndOfMonthPlusDays, days).DueDate(D(invoiceDate)).ShouldBe(D(dueDate));

    [Test]
    public void The_two_end_of_month_readings_give_different_dates()
    {
        var invoiceDate = D("2026-01-15");

        new PaymentTerms(PaymentTermsKind.DaysEndOfMonth, 45).DueDate(invoiceDate).ShouldBe(D("2026-03-31"));
        new PaymentTerms(PaymentTermsKind.EndOfMonthPlusDays, 45).DueDate(invoiceDate).ShouldBe(D("2026-03-17"));
    }

    [TestCase(PaymentTermsKind.OnReceipt, 0)]
    [TestCase(PaymentTermsKind.Days, 60)]
    [TestCase(PaymentTermsKind.DaysEndOfMonth, 45)]
    [TestCase(PaymentTermsKind.EndOfMonthPlusDays, 45)]
    public void Terms_up_to_the_legal_maximum_are_allowed_for_a_business_customer(PaymentTermsKind kind, int days) =>
        Should.NotThrow(() => new PaymentTerms(kind, days).Validate(businessCustomer: true));

    [TestCase(PaymentTermsKind.Days, 61, 60)]
    [TestCase(PaymentTermsKind.Days, 90, 60)]
    [TestCase(PaymentTermsKind.DaysEndOfMonth, 46, 45)]
    [TestCase(PaymentTermsKind.DaysEndOfMonth, 60, 45)]
    [TestCase(PaymentTermsKind.EndOfMonthPlusDays, 46, 45)]
    public void Longer_terms_are_refused_for_a_business_customer(PaymentTermsKind kind, int days, int maximum)
    {
        var exception = Should.Throw<DomainException>(() => new PaymentTerms(kind, days).Validate(businessCustomer: true));

        exception.Code.ShouldBe(ErrorCodes.PaymentTermsBeyondLegalMaximum);
        exception.Field.ShouldBe("days");
        exception.Kind.ShouldBe(DomainErrorKind.BusinessRule);
        exception.Arguments["maximumDays"].ShouldBe(maximum);
    }

    [TestCase(PaymentTermsKind.Days, 90)]
    [TestCase(PaymentTermsKind.DaysEndOfMonth, 120)]
    [TestCase(PaymentTermsKind.EndOfMonthPlusDays, 365)]
    public void A_consumer_may_be_given_longer_terms(PaymentTermsKind kind, int days) =>
        Should.NotThrow(() => new PaymentTerms(kind, days).Validate(businessCustomer: false));

    [TestCase(-1)]
    [TestCase(366)]
    [TestCase(int.MinValue)]
    public void Days_outside_0_to_365_are_refused_whatever_the_customer(int days)
    {
        var exception = Should.Throw<DomainException>(() => new PaymentTerms(PaymentTermsKind.Days, days));

        exception.Code.ShouldBe(ErrorCodes.PaymentTermsDaysOutOfRange);
        exception.Field.ShouldBe("days");
        exception.Arguments["maximumDays"].ShouldBe(365);
    }

    [Test]
    public void On_receipt_with_days_is_refused() =>
        Should.Throw<DomainException>(() => new PaymentTerms(PaymentTermsKind.OnReceipt, 30)).Code.ShouldBe(ErrorCodes.PaymentTermsOnReceiptWithDays);

    [Test]
    public void An_unknown_kind_is_refused() =>
        Should.Throw<DomainException>(() => new PaymentTerms((PaymentTermsKind)42, 30)).Code.ShouldBe(ErrorCodes.PaymentTermsKindInvalid);

    [Test]
    public void Terms_with_the_same_kind_and_days_are_equal()
    {
        new PaymentTerms(PaymentTermsKind.Days, 30).ShouldBe(new PaymentTerms(PaymentTermsKind.Days, 30));
        new PaymentTerms(PaymentTermsKind.Days, 30).ShouldNotBe(new PaymentTerms(PaymentTermsKind.DaysEndOfMonth, 30));
        new PaymentTerms(PaymentTermsKind.OnReceipt, 0).ShouldBe(PaymentTerms.OnReceipt);
    }
}
