using Koban.Domain.Common;
using Koban.Domain.Projects;

namespace Koban.Domain.Tests.Projects;

public sealed class TimeEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static TimeEntry Entry(int minutes = 90, bool billable = true) =>
        TimeEntry.Create(Guid.NewGuid(), Guid.NewGuid(), Monday, minutes, "  Pose  ", billable, Now);

    [TestCase(0)]
    [TestCase(-30)]
    [TestCase(1441)]
    [TestCase(int.MaxValue)]
    public void An_entry_lasts_more_than_0_and_at_most_24_hours(int minutes) =>
        Should.Throw<DomainException>(() => Entry(minutes)).Code.ShouldBe(ErrorCodes.TimeEntryMinutesOutOfRange);

    [Test]
    public void An_entry_of_a_whole_day_is_accepted_and_its_description_trimmed()
    {
        var entry = Entry(1440);
        entry.Minutes.ShouldBe(1440);
        entry.Description.ShouldBe("Pose");
    }

    [Test]
    public void A_users_day_across_projects_holds_24_hours_at_most()
    {
        TimeRules.EnsureDayTotal(Monday, 1000, 440, "minutes");
        var refused = Should.Throw<DomainException>(() => TimeRules.EnsureDayTotal(Monday, 1000, 441, "cells[3].minutes"));
        refused.Code.ShouldBe(ErrorCodes.TimeDayOverLimit);
        refused.Field.ShouldBe("cells[3].minutes");
        refused.Arguments["minutes"].ShouldBe(1441);
    }

    [Test]
    public void Invoiced_time_is_locked_until_its_draft_invoice_is_deleted()
    {
        var entry = Entry();
        var invoice = Guid.NewGuid();
        entry.LockOn(invoice);
        entry.IsLocked.ShouldBeTrue();
        Should.Throw<DomainConflictException>(() => entry.Update(Monday, 60, null, true)).Code.ShouldBe(ErrorCodes.TimeEntryLocked);
        Should.Throw<DomainConflictException>(() => entry.EnsureUnlocked()).Code.ShouldBe(ErrorCodes.TimeEntryLocked);
        Should.Throw<DomainConflictException>(() => entry.LockOn(Guid.NewGuid())).Code.ShouldBe(ErrorCodes.TimeEntryLocked);
        entry.Unlock();
        entry.Update(Monday, 60, null, true);
        entry.Minutes.ShouldBe(60);
    }

    [Test]
    public void Time_that_is_not_billable_is_never_invoiced() =>
        Should.Throw<DomainConflictException>(() => Entry(billable: false).LockOn(Guid.NewGuid())).Code.ShouldBe(ErrorCodes.TimeEntryNotBillable);

    [TestCase(20, "0.333")]
    [TestCase(90, "1.5")]
    [TestCase(100, "1.667")]
    public void Hours_on_an_invoice_are_minutes_over_60_at_the_quantity_scale(int minutes, string hours) =>
        TimeRules.Hours(minutes).ShouldBe(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public void A_week_starts_on_monday()
    {
        TimeRules.WeekStart(new DateOnly(2026, 12, 13)).ShouldBe(Monday);
        TimeRules.WeekStart(Monday).ShouldBe(Monday);
        TimeRules.WeekStart(new DateOnly(2024, 3, 1)).ShouldBe(new DateOnly(2024, 2, 26));
    }
}
