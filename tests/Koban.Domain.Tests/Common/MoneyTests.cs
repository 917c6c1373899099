using System.Globalization;
using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed class MoneyTests
{
    [TestCase("0.005", "0.01")]
    [TestCase("-0.005", "-0.01")]
    [TestCase("0.125", "0.13", Description = "banker's rounding would give 0.12")]
    [TestCase("2.675", "2.68")]
    [TestCase("-2.675", "-2.68")]
    [TestCase("1.0049", "1.00")]
    [TestCase("-1.0049", "-1.00")]
    [TestCase("19.999", "20.00")]
    [TestCase("12.3", "12.3")]
    public void Round2_rounds_half_away_from_zero(string amount, string expected) =>
        new Money(decimal.Parse(amount, CultureInfo.InvariantCulture)).Round2().ShouldBe(new Money(decimal.Parse(expected, CultureInfo.InvariantCulture)));

    [Test]
    public void Arithmetic_keeps_every_decimal_until_rounding_is_asked_for()
    {
        var sum = new Money(0.004m) + new Money(0.004m);

        sum.Amount.ShouldBe(0.008m);
        sum.Round2().Amount.ShouldBe(0.01m);
    }

    [Test]
    public void Sums_of_rounded_values_differ_from_the_rounded_sum_as_the_rules_intend()
    {
        var lines = new[] { new Money(0.005m), new Money(0.005m), new Money(0.005m) };

        lines.Aggregate(Money.Zero, (total, line) => total + line.Round2()).ShouldBe(new Money(0.03m));
        lines.Aggregate(Money.Zero, (total, line) => total + line).Round2().ShouldBe(new Money(0.02m));
    }

    [Test]
    public void Addition_subtraction_and_negation_work_on_the_amount()
    {
        (new Money(10.50m) + new Money(2.25m)).ShouldBe(new Money(12.75m));
        (new Money(10.50m) - new Money(12.75m)).ShouldBe(new Money(-2.25m));
        (-new Money(3m)).ShouldBe(new Money(-3m));
    }

    [Test]
    public void Zero_is_the_default_value() =>
        Money.Zero.ShouldBe(new Money(0m));

    [Test]
    public void Trailing_zeros_do_not_make_two_amounts_different() =>
        new Money(1.5m).ShouldBe(new Money(1.50m));

    [Test]
    public void Amounts_compare_by_value()
    {
        var small = new Money(-1m);
        var large = new Money(2m);

        (small < large).ShouldBeTrue();
        (large > small).ShouldBeTrue();
        (small <= new Money(-1.00m)).ShouldBeTrue();
        (large >= new Money(2.00m)).ShouldBeTrue();
        (large < small).ShouldBeFalse();
        new[] { large, Money.Zero, small }.Order().ShouldBe([small, Money.Zero, large]);
    }

    [Test]
    public void The_text_form_is_culture_independent()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            new Money(1234.5m).ToString().ShouldBe("1234.5 EUR");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
