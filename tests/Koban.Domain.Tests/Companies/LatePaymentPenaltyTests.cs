using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Domain.Tests.Companies;

public sealed class LatePaymentPenaltyTests
{
    [Test]
    public void The_floor_is_three_times_the_legal_interest_rate() =>
        LatePaymentPenalty.FloorFor(2.76m).ShouldBe(8.28m);

    [Test]
    public void The_default_rate_is_the_ECB_refinancing_rate_plus_ten_points() =>
        LatePaymentPenalty.DefaultRate(2.15m).ShouldBe(12.15m);

    [TestCase(12.15)]
    [TestCase(8.28, Description = "exactly the floor")]
    [TestCase(100)]
    public void A_rate_at_or_above_the_floor_is_accepted(decimal rate) =>
        Should.NotThrow(() => LatePaymentPenalty.Validate(rate, legalInterestRateFloor: 8.28m));

    [Test]
    public void A_rate_below_three_times_the_legal_interest_rate_is_refused()
    {
        var exception = Should.Throw<DomainException>(() => LatePaymentPenalty.Validate(8.27m, LatePaymentPenalty.FloorFor(2.76m)));

        exception.Code.ShouldBe(ErrorCodes.LatePenaltyRateBelowLegalMinimum);
        exception.Field.ShouldBe("latePaymentPenaltyRate");
        exception.Arguments["minimumRate"].ShouldBe(8.28m);
    }

    [Test]
    public void The_same_rate_can_become_unlawful_when_the_legal_rate_rises()
    {
        Should.NotThrow(() => LatePaymentPenalty.Validate(10m, LatePaymentPenalty.FloorFor(2.76m)));
        Should.Throw<DomainException>(() => LatePaymentPenalty.Validate(10m, LatePaymentPenalty.FloorFor(3.71m)))
            .Code.ShouldBe(ErrorCodes.LatePenaltyRateBelowLegalMinimum);
    }

    [TestCase(-0.01)]
    [TestCase(-12)]
    [TestCase(100.01)]
    [TestCase(1215)]
    public void A_negative_rate_or_one_above_100_percent_is_refused(decimal rate)
    {
        var exception = Should.Throw<DomainException>(() => LatePaymentPenalty.Validate(rate, legalInterestRateFloor: 0m));

        exception.Code.ShouldBe(ErrorCodes.LatePenaltyRateOutOfRange);
        exception.Field.ShouldBe("latePaymentPenaltyRate");
    }
}
