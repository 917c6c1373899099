using Koban.Domain.Common;
namespace Koban.Domain.Companies;

/// <summary>
/// The late-payment penalty rate owed by business customers (art. L441-10 II du Code de commerce, domain-rules.md §7):
/// by default the ECB refinancing rate + 10 points, and never below three times the legal interest rate. The legal
/// rate is set by decree every six months, so the caller supplies the current floor (see <see cref="FloorFor"/>).
/// </summary>
/// <remarks>Not named LatePaymentPenaltyRate: that is a property of <see cref="Company"/>, which would hide the class there.</remarks>
public static class LatePaymentPenalty
{
    public const decimal PointsOverEcbRate = 10m;

    /// <summary>The statutory default: the ECB main refinancing rate plus 10 points.</summary>
    public static decimal DefaultRate(decimal ecbRefinancingRate) => ecbRefinancingRate + PointsOverEcbRate;

    /// <summary>The lowest rate allowed: 3 × the legal interest rate (the creditor-is-a-professional rate of the semester).</summary>
    public static decimal FloorFor(decimal legalInterestRate) => 3 * legalInterestRate;

    /// <summary>Refuses a rate (a percentage, 12.15 for 12.15 %) outside 0–100 or below <paramref name="legalInterestRateFloor"/>, which is already 3 × the legal rate.</summary>
    public static void Validate(decimal rate, decimal legalInterestRateFloor)
    {
        if (rate is < 0m or > 100m)
            throw new DomainException(ErrorCodes.LatePenaltyRateOutOfRange, $"A late-payment penalty rate of {rate} % is out of range.") { Field = "latePaymentPenaltyRate" };

        if (rate < legalInterestRateFloor)
        {
            throw new DomainException(ErrorCodes.LatePenaltyRateBelowLegalMinimum, $"A late-payment penalty rate of {rate} % is below the legal minimum of {legalInterestRateFloor} %.")
            {
                Field = "latePaymentPenaltyRate",
                Arguments = new Dictionary<string, object> { ["minimumRate"] = legalInterestRateFloor },
            };
        }
    }
}
