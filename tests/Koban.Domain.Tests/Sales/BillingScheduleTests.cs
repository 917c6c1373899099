using Koban.Domain.Common;
using Koban.Domain.Sales;
using static Koban.Domain.Tests.Sales.SalesTestData;

namespace Koban.Domain.Tests.Sales;

public sealed class BillingScheduleTests
{
    // 1000 € excluding VAT.
    private static BillingSchedule NewSchedule() => BillingSchedule.For(Validated(Product(10m, 100m)));

    [Test]
    public void A_schedule_needs_a_validated_order() =>
        Should.Throw<DomainConflictException>(() => BillingSchedule.For(Draft())).Code.ShouldBe(ErrorCodes.OrderNotValidated);

    [Test]
    public void Milestones_mix_percentages_and_amounts_up_to_the_order_total()
    {
        var schedule = NewSchedule();

        schedule.AddMilestone("Signature", Today, 30m, null);
        schedule.AddMilestone("Livraison", Today.AddDays(30), null, 500m);
        schedule.AddMilestone("Recette", Today.AddDays(60), 20m, null);

        schedule.PlannedTotal.ShouldBe(1000m);
        schedule.Milestones[0].PlannedAmountExcludingVat(schedule.OrderTotalExcludingVat).ShouldBe(300m);
    }

    [Test]
    public void Milestones_beyond_the_order_total_are_refused()
    {
        var schedule = NewSchedule();
        schedule.AddMilestone("Signature", Today, 60m, null);

        var exception = Should.Throw<DomainException>(() => schedule.AddMilestone("Fin", Today, null, 400.01m));

        exception.Code.ShouldBe(ErrorCodes.BillingScheduleExceedsOrder);
        exception.Arguments["orderTotal"].ShouldBe(1000m);
        Should.Throw<DomainException>(() => schedule.AddMilestone("Fin", Today, 40.01m, null)).Code.ShouldBe(ErrorCodes.BillingScheduleExceedsOrder);
        schedule.Milestones.Count.ShouldBe(1);
    }

    [Test]
    public void Percentages_summing_to_100_fit_even_when_their_rounded_amounts_do_not()
    {
        var schedule = BillingSchedule.For(Validated(Free(1m, 0.03m, 20m)));

        schedule.AddMilestone("A", Today, 50m, null);

        Should.NotThrow(() => schedule.AddMilestone("B", Today, 50m, null));
    }

    [TestCase(null, null)]
    [TestCase(10, 100)]
    [TestCase(0, null)]
    [TestCase(100.5, null)]
    [TestCase(null, 0)]
    [TestCase(null, -5)]
    public void A_milestone_takes_either_a_percentage_or_a_positive_amount(decimal? percentage, decimal? amount) =>
        Should.Throw<DomainException>(() => NewSchedule().AddMilestone("X", Today, percentage, amount)).Code.ShouldBe(ErrorCodes.MilestonePercentageOrAmount);

    [Test]
    public void Updating_a_milestone_replaces_its_share_in_the_total()
    {
        var schedule = NewSchedule();
        var milestone = schedule.AddMilestone("Tout", Today, 100m, null);

        schedule.UpdateMilestone(milestone.Id, "Moitié", Today, 50m, null);
        schedule.AddMilestone("Reste", Today, null, 500m);

        schedule.PlannedTotal.ShouldBe(1000m);
    }

    [Test]
    public void A_milestone_is_due_from_its_date_and_late_after_it_until_invoiced()
    {
        var schedule = NewSchedule();
        var milestone = schedule.AddMilestone("Signature", Today, 30m, null);

        milestone.IsDue(Today.AddDays(-1)).ShouldBeFalse();
        milestone.IsDue(Today).ShouldBeTrue();
        milestone.IsLate(Today).ShouldBeFalse();
        milestone.IsLate(Today.AddDays(1)).ShouldBeTrue();
        schedule.DueMilestones(Today).ShouldHaveSingleItem();

        schedule.LinkInvoice(milestone.Id, Guid.NewGuid());

        milestone.IsDue(Today.AddDays(10)).ShouldBeFalse();
        milestone.IsLate(Today.AddDays(10)).ShouldBeFalse();
    }

    [Test]
    public void An_invoiced_milestone_is_neither_changed_removed_nor_linked_again()
    {
        var schedule = NewSchedule();
        var milestone = schedule.AddMilestone("Signature", Today, 30m, null);
        schedule.LinkInvoice(milestone.Id, Guid.NewGuid());

        Should.Throw<DomainConflictException>(() => schedule.UpdateMilestone(milestone.Id, "X", Today, 10m, null)).Code.ShouldBe(ErrorCodes.MilestoneAlreadyInvoiced);
        Should.Throw<DomainConflictException>(() => schedule.RemoveMilestone(milestone.Id)).Code.ShouldBe(ErrorCodes.MilestoneAlreadyInvoiced);
        Should.Throw<DomainConflictException>(() => schedule.LinkInvoice(milestone.Id, Guid.NewGuid())).Code.ShouldBe(ErrorCodes.MilestoneAlreadyInvoiced);

        schedule.UnlinkInvoice(milestone.Id);
        milestone.InvoiceId.ShouldBeNull();
        Should.Throw<DomainConflictException>(() => schedule.UnlinkInvoice(milestone.Id)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
    }

    [Test]
    public void An_unknown_milestone_is_refused() =>
        Should.Throw<DomainException>(() => NewSchedule().RemoveMilestone(Guid.NewGuid())).Code.ShouldBe(ErrorCodes.MilestoneNotFound);
}
