using Koban.Domain.Common;
using Koban.Domain.Receivables.Reminders;

namespace Koban.Domain.Tests.Receivables.Reminders;

public sealed class ReminderLevelsTests
{
    [Test]
    public void The_defaults_are_friendly_at_7_firm_at_30_and_a_formal_notice_at_45()
    {
        var levels = ReminderLevels.Validate(ReminderLevels.Defaults);

        levels.Select(l => (l.Level, l.DaysAfterDue)).ShouldBe([(1, 7), (2, 30), (3, 45)]);
        levels[2].Name.ShouldBe("Mise en demeure");
        levels[2].Body.ShouldContain("mettons en demeure");
    }

    [Test]
    public void Levels_are_renumbered_in_the_order_given_and_trimmed()
    {
        var levels = ReminderLevels.Validate([new ReminderLevel(9, " Rappel ", 3, " Objet ", " Texte "), new ReminderLevel(4, "Dernier", 20, "O", "T")]);

        levels.Select(l => l.Level).ShouldBe([1, 2]);
        levels[0].Name.ShouldBe("Rappel");
        levels[0].Subject.ShouldBe("Objet");
    }

    [TestCase(0)]
    [TestCase(7)]
    public void Levels_must_come_later_and_later(int secondDays)
    {
        var error = Should.Throw<DomainException>(() => ReminderLevels.Validate([new ReminderLevel(1, "A", 7, "S", "B"), new ReminderLevel(2, "B", secondDays, "S", "B")]));

        error.Code.ShouldBe(ErrorCodes.ReminderLevelDaysOrder);
        error.Field.ShouldBe("levels[1].daysAfterDue");
    }

    [Test]
    public void The_first_level_is_at_least_one_day_after_the_due_date()
    {
        Should.Throw<DomainException>(() => ReminderLevels.Validate([new ReminderLevel(1, "A", 0, "S", "B")])).Code.ShouldBe(ErrorCodes.ReminderLevelDaysOrder);
    }

    [Test]
    public void A_sequence_has_one_to_six_levels()
    {
        Should.Throw<DomainException>(() => ReminderLevels.Validate([])).Code.ShouldBe(ErrorCodes.ReminderLevelsCount);
        var seven = Enumerable.Range(1, 7).Select(i => new ReminderLevel(i, "N", i * 5, "S", "B")).ToList();
        Should.Throw<DomainException>(() => ReminderLevels.Validate(seven)).Code.ShouldBe(ErrorCodes.ReminderLevelsCount);
    }

    [Test]
    public void Each_level_needs_its_texts()
    {
        var error = Should.Throw<DomainException>(() => ReminderLevels.Validate([new ReminderLevel(1, "A", 7, "S", " ")]));

        error.Code.ShouldBe(ErrorCodes.ReminderLevelTextRequired);
        error.Field.ShouldBe("levels[0].body");
    }

    [Test]
    public void An_unknown_placeholder_is_refused_naming_the_field()
    {
        var error = Should.Throw<DomainException>(() => ReminderLevels.Validate([new ReminderLevel(1, "A", 7, "Facture {number}", "B")]));

        error.Code.ShouldBe(ErrorCodes.TemplatePlaceholderUnknown);
        error.Field.ShouldBe("levels[0].subject");
        error.Arguments["placeholder"].ShouldBe("{number}");
    }

    [Test]
    public void Texts_are_filled_the_french_way()
    {
        var values = new ReminderValues("Garage Martin", "FA-2026-00042", new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31), 1234.5m, 2000m, 12,
            "Atelier Koban", ReminderTemplate.PenaltiesSentence(12.15m));

        ReminderTemplate.Render("{customer} doit {amountDue} sur {invoiceNumber} ({invoiceTotal}) du {invoiceDate}, échue le {dueDate} ({daysLate} j) — {company} {unknown}", values)
            .ShouldBe("Garage Martin doit 1 234,50 € sur FA-2026-00042 (2 000,00 €) du 28/02/2026, échue le 31/03/2026 (12 j) — Atelier Koban {unknown}");
        ReminderTemplate.Render("{penalties}", values).ShouldContain("taux annuel de 12,15 %");
        ReminderTemplate.Render("{penalties}", values).ShouldContain("40 €");
    }

    [Test]
    public void Every_default_text_renders_without_leftover_placeholders()
    {
        var values = new ReminderValues("C", "FA-1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), 10m, 10m, 7, "K", "");
        foreach (var level in ReminderLevels.Defaults)
        {
            ReminderTemplate.Render(level.Subject, values).ShouldNotContain("{");
            ReminderTemplate.Render(level.Body, values).ShouldNotContain("{");
        }
    }
}
