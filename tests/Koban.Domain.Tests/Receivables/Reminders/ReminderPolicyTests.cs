using Koban.Domain.Customers;
using Koban.Domain.Receivables.Reminders;

namespace Koban.Domain.Tests.Receivables.Reminders;

public sealed class ReminderPolicyTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);
    private static readonly IReadOnlyList<ReminderLevel> Levels = ReminderLevels.Defaults;

    private static ReminderSituation Unpaid(decimal outstanding = 1200m, bool disputed = false, CustomerKind kind = CustomerKind.Business) =>
        new(Due, outstanding, disputed, kind);

    private static ReminderDecision? Decide(int daysAfterDue, params int[] recorded) =>
        ReminderPolicy.Decide(Unpaid(), Levels, recorded, Due.AddDays(daysAfterDue));

    [TestCase(-10)]
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(6)]
    public void Nothing_before_the_first_level_is_reached(int days) => Decide(days).ShouldBeNull();

    [Test]
    public void The_friendly_reminder_is_due_seven_days_after_the_due_date()
    {
        var decision = Decide(7).ShouldNotBeNull();

        decision.Send.Level.ShouldBe(1);
        decision.Skip.ShouldBeEmpty();
        decision.DaysLate.ShouldBe(7);
    }

    [Test]
    public void A_level_already_recorded_is_not_sent_again_the_same_day_or_later()
    {
        Decide(7, 1).ShouldBeNull();
        Decide(29, 1).ShouldBeNull();
        Decide(30, 1).ShouldNotBeNull().Send.Level.ShouldBe(2);
    }

    [Test]
    public void Catching_up_sends_only_the_highest_level_reached_and_skips_the_lower_ones()
    {
        var decision = Decide(40).ShouldNotBeNull();

        decision.Send.Level.ShouldBe(2);
        decision.Skip.Select(l => l.Level).ShouldBe([1]);
    }

    [Test]
    public void Catching_up_after_the_first_reminder_skips_only_what_was_never_recorded()
    {
        var decision = Decide(47, 1).ShouldNotBeNull();

        decision.Send.Level.ShouldBe(3);
        decision.Skip.Select(l => l.Level).ShouldBe([2]);
    }

    [Test]
    public void Jumping_straight_to_the_formal_notice_skips_both_earlier_levels()
    {
        var decision = Decide(90).ShouldNotBeNull();

        decision.Send.Level.ShouldBe(3);
        decision.Skip.Select(l => l.Level).ShouldBe([1, 2]);
    }

    [Test]
    public void Skipped_levels_are_never_sent_later()
    {
        // Day 40: level 2 sent, level 1 recorded as skipped. Nothing else until the formal notice.
        Decide(41, 1, 2).ShouldBeNull();
        Decide(44, 1, 2).ShouldBeNull();
        Decide(45, 1, 2).ShouldNotBeNull().Skip.ShouldBeEmpty();
        Decide(400, 1, 2, 3).ShouldBeNull();
    }

    [Test]
    public void A_lower_level_is_never_sent_after_a_higher_one()
    {
        Decide(40, 3).ShouldBeNull();
    }

    [Test]
    public void A_disputed_invoice_gets_no_reminder()
    {
        ReminderPolicy.Decide(Unpaid(disputed: true), Levels, [], Due.AddDays(60)).ShouldBeNull();
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void A_paid_or_overpaid_invoice_gets_no_reminder(decimal outstanding)
    {
        ReminderPolicy.Decide(Unpaid(outstanding), Levels, [], Due.AddDays(60)).ShouldBeNull();
    }

    [Test]
    public void A_partly_paid_invoice_is_still_reminded()
    {
        ReminderPolicy.Decide(Unpaid(0.01m), Levels, [], Due.AddDays(8)).ShouldNotBeNull().Send.Level.ShouldBe(1);
    }

    [TestCase(CustomerKind.Business, true)]
    [TestCase(CustomerKind.Individual, false)]
    public void Penalties_are_mentioned_for_business_customers_only(CustomerKind kind, bool expected)
    {
        ReminderPolicy.Decide(Unpaid(kind: kind), Levels, [], Due.AddDays(30)).ShouldNotBeNull().PenaltiesApply.ShouldBe(expected);
    }

    [Test]
    public void Custom_sequences_follow_their_own_days()
    {
        var levels = ReminderLevels.Validate([Levels[0] with { DaysAfterDue = 1 }, Levels[2] with { DaysAfterDue = 15 }]);

        ReminderPolicy.Decide(Unpaid(), levels, [], Due.AddDays(1)).ShouldNotBeNull().Send.Level.ShouldBe(1);
        var later = ReminderPolicy.Decide(Unpaid(), levels, [1], Due.AddDays(15)).ShouldNotBeNull();
        later.Send.Level.ShouldBe(2);
        later.Send.Name.ShouldBe("Mise en demeure");
    }
}
