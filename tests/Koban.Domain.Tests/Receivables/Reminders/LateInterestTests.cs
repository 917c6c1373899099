using Koban.Domain.Customers;
using Koban.Domain.Receivables.Reminders;

namespace Koban.Domain.Tests.Receivables.Reminders;

public sealed class LateInterestTests
{
    private static readonly DateOnly Due = new(2026, 1, 31);

    private static LateInterestResult Compute(decimal rate, DateOnly asOf, params OutstandingStep[] history) =>
        LateInterest.Compute(Due, history, rate, CustomerKind.Business, asOf);

    [Test]
    public void Thirty_days_on_the_whole_amount_at_the_statutory_default_rate()
    {
        // 1 000 € × 12,15 % × 30 / 365 = 9,9863… → 9,99 €
        var result = Compute(12.15m, Due.AddDays(30), new OutstandingStep(Due, 1000m));

        result.Interest.ShouldBe(9.99m);
        result.Days.ShouldBe(30);
        result.Indemnity.ShouldBe(40m);
        result.Total.ShouldBe(49.99m);
        result.From.ShouldBe(Due);
        result.To.ShouldBe(Due.AddDays(30));
    }

    [Test]
    public void Nothing_on_or_before_the_due_date()
    {
        var onDue = Compute(12.15m, Due, new OutstandingStep(Due, 1000m));

        onDue.Interest.ShouldBe(0m);
        onDue.Indemnity.ShouldBe(0m, "not late yet");
        Compute(12.15m, Due.AddDays(-3), new OutstandingStep(Due, 1000m)).Total.ShouldBe(0m);
    }

    [Test]
    public void The_day_after_the_due_date_is_the_first_day_of_interest()
    {
        // 3 650 € × 10 % / 365 = 1,00 € a day
        Compute(10m, Due.AddDays(1), new OutstandingStep(Due, 3650m)).Interest.ShouldBe(1.00m);
    }

    [Test]
    public void Individuals_owe_neither_interest_nor_the_indemnity()
    {
        var result = LateInterest.Compute(Due, [new OutstandingStep(Due, 1000m)], 12.15m, CustomerKind.Individual, Due.AddDays(100));

        result.Interest.ShouldBe(0m);
        result.Indemnity.ShouldBe(0m);
        result.Segments.ShouldBeEmpty();
    }

    [Test]
    public void A_partial_payment_lowers_the_base_from_the_day_after_it()
    {
        // (31/01, 10/02]: 10 days on 1 000 € = 3,3287…; (10/02, 02/03]: 20 days on 600 € = 3,9945… → 7,32 €
        var result = Compute(12.15m, new DateOnly(2026, 3, 2),
            new OutstandingStep(Due, 1000m), new OutstandingStep(new DateOnly(2026, 2, 10), 600m));

        result.Interest.ShouldBe(7.32m);
        result.Days.ShouldBe(30);
        result.Segments.Select(s => (s.Days, s.Balance)).ShouldBe([(10, 1000m), (20, 600m)]);
    }

    [Test]
    public void Payment_in_full_stops_the_interest_but_it_stays_owed()
    {
        var result = Compute(10m, Due.AddDays(100),
            new OutstandingStep(Due, 3650m), new OutstandingStep(Due.AddDays(5), 0m));

        result.Interest.ShouldBe(5.00m, "5 days at 1 € a day; nothing after the payment");
        result.Days.ShouldBe(5);
        result.Indemnity.ShouldBe(40m);
    }

    [Test]
    public void A_payment_before_the_due_date_is_the_starting_balance()
    {
        var result = Compute(10m, Due.AddDays(2),
            new OutstandingStep(Due.AddDays(-20), 7300m), new OutstandingStep(Due.AddDays(-1), 3650m));

        result.Interest.ShouldBe(2.00m);
    }

    [Test]
    public void A_credit_note_raising_nothing_and_a_refund_raising_the_balance_both_count()
    {
        var result = Compute(10m, Due.AddDays(4),
            new OutstandingStep(Due, 3650m), new OutstandingStep(Due.AddDays(2), 7300m));

        result.Interest.ShouldBe(6.00m, "2 days at 1 € then 2 days at 2 €");
    }

    [Test]
    public void Interest_is_rounded_once_on_the_sum_not_per_segment()
    {
        // 18,25 € × 10 % / 365 = 0,005 € a day: two one-day segments would round to 0,01 + 0,01, the sum 0,010 to 0,01.
        var result = Compute(10m, Due.AddDays(2),
            new OutstandingStep(Due, 18.25m), new OutstandingStep(Due.AddDays(1), 18.25m));

        result.Segments.Count.ShouldBe(2);
        result.Segments.Sum(s => s.Interest).ShouldBe(0.02m);
        result.Interest.ShouldBe(0.01m);
    }

    [Test]
    public void Rounding_is_half_away_from_zero()
    {
        // 91,25 € × 10 % × 1 / 365 = 0,025 € → 0,03 € (banker's rounding would give 0,02 €)
        Compute(10m, Due.AddDays(1), new OutstandingStep(Due, 91.25m)).Interest.ShouldBe(0.03m);
    }

    [Test]
    public void History_order_does_not_matter()
    {
        var a = Compute(12.15m, Due.AddDays(60), new OutstandingStep(Due, 1000m), new OutstandingStep(Due.AddDays(9), 500m), new OutstandingStep(Due.AddDays(30), 100m));
        var b = Compute(12.15m, Due.AddDays(60), new OutstandingStep(Due.AddDays(30), 100m), new OutstandingStep(Due, 1000m), new OutstandingStep(Due.AddDays(9), 500m));

        b.ShouldBe(a with { Segments = b.Segments });
        b.Segments.ShouldBe(a.Segments);
    }

    [Test]
    public void A_later_period_counts_only_the_days_after_the_last_invoiced_one()
    {
        var first = Compute(10m, Due.AddDays(10), new OutstandingStep(Due, 3650m));
        var second = LateInterest.Compute(Due, [new OutstandingStep(Due, 3650m)], 10m, CustomerKind.Business, Due.AddDays(25), from: Due.AddDays(10));

        first.Interest.ShouldBe(10.00m);
        second.Interest.ShouldBe(15.00m);
        second.From.ShouldBe(Due.AddDays(10));
        second.Days.ShouldBe(15);
    }

    [Test]
    public void Steps_after_the_last_day_counted_are_ignored()
    {
        Compute(10m, Due.AddDays(3), new OutstandingStep(Due, 3650m), new OutstandingStep(Due.AddDays(3), 0m), new OutstandingStep(Due.AddDays(9), 9999m))
            .Interest.ShouldBe(3.00m, "the payment on the last day still leaves that day late");
    }
}
