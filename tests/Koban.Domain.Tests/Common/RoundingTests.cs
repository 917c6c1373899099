using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed class RoundingTests
{
    [TestCase(0.005, 0.01)]
    [TestCase(-0.005, -0.01)]
    [TestCase(0.015, 0.02)]
    [TestCase(0.025, 0.03, Description = "half to even would give 0.02")]
    [TestCase(0.0049, 0.00)]
    [TestCase(-0.0049, 0.00)]
    [TestCase(1234567.895, 1234567.90)]
    public void Amounts_round_to_two_decimals_half_away_from_zero(decimal value, decimal expected) =>
        Rounding.Amount(value).ShouldBe(expected);

    [TestCase(1.23455, 1.2346)]
    [TestCase(-1.23455, -1.2346)]
    [TestCase(0.00005, 0.0001)]
    [TestCase(1.23454, 1.2345)]
    [TestCase(1.2345, 1.2345)]
    public void Unit_prices_round_to_four_decimals_half_away_from_zero(decimal value, decimal expected) =>
        Rounding.UnitPrice(value).ShouldBe(expected);

    [TestCase(1.0005, 1.001)]
    [TestCase(-1.0005, -1.001)]
    [TestCase(2.4995, 2.500)]
    [TestCase(2.4994, 2.499)]
    public void Quantities_round_to_three_decimals_half_away_from_zero(decimal value, decimal expected) =>
        Rounding.Quantity(value).ShouldBe(expected);

    [Test]
    public void Rounding_never_goes_through_binary_floating_point()
    {
        // 1.005 has no exact double; Math.Round((double)1.005m, 2) gives 1.00.
        Rounding.Amount(1.005m).ShouldBe(1.01m);
        Rounding.Amount(-1.005m).ShouldBe(-1.01m);
    }
}
