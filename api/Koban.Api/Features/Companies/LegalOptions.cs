namespace Koban.Api.Features.Companies;

/// <summary>Legal figures that change by decree; configuration, so an operator can update them without a release.</summary>
public sealed class LegalOptions
{
    /// <summary>Taux de l'intérêt légal for professional creditors (2nd half of 2025: 2.76 %). The late-payment
    /// penalty rate may not be lower than three times it (art. L441-10 du Code de commerce).</summary>
    public decimal LegalInterestRate { get; set; } = 2.76m;

    public decimal PenaltyRateFloor => 3 * LegalInterestRate;
}
