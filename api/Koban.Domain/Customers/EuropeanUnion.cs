namespace Koban.Domain.Customers;

/// <summary>The member states of the European Union (ISO 3166 codes), which decide the default VAT regime.</summary>
public static class EuropeanUnion
{
    private static readonly HashSet<string> Members = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
        "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    };

    public static bool IsMember(string? countryCode) => countryCode is not null && Members.Contains(countryCode);

    /// <summary>Monaco belongs to the French VAT territory (Franco-Monegasque convention of 1963), so Monegasque customers pay French VAT.</summary>
    public static bool IsFrenchVatTerritory(string? countryCode) => countryCode is "FR" or "MC";
}
