using System.Collections.Frozen;
using Koban.Domain.Common;

namespace Koban.Domain.Companies;

/// <summary>A postal address as printed on documents (registered office, billing and delivery addresses, domain-rules.md §4).</summary>
public sealed record PostalAddress
{
    // Officially assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo), user-assigned but what its banks and registers use.
    private static readonly FrozenSet<string> CountryCodes = """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
        KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
        MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
        UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    // La Poste's 5-digit codes also serve Monaco and the overseas departments and collectivities, whatever country
    // code the user picks for them.
    private static readonly FrozenSet<string> FrenchPostalSystem =
        new[] { "FR", "MC", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC" }.ToFrozenSet(StringComparer.Ordinal);

    // Private: EF materialises through it; everyone else goes through Create, which validates.
    private PostalAddress(string line1, string? line2, string postalCode, string city, string countryCode)
    {
        Line1 = line1;
        Line2 = line2;
        PostalCode = postalCode;
        City = city;
        CountryCode = countryCode;
    }

    public string Line1 { get; private init; }

    public string? Line2 { get; private init; }

    /// <summary>May be empty outside the French postal system: some countries have no postal codes.</summary>
    public string PostalCode { get; private init; }

    public string City { get; private init; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryCode { get; private init; }

    /// <summary>Trims every part, upper-cases the country and drops an empty second line, then validates.</summary>
    public static PostalAddress Create(string? line1, string? line2, string? postalCode, string? city, string? countryCode)
    {
        var address = new PostalAddress(
            line1?.Trim() ?? string.Empty,
            string.IsNullOrWhiteSpace(line2) ? null : line2.Trim(),
            postalCode?.Trim() ?? string.Empty,
            city?.Trim() ?? string.Empty,
            countryCode?.Trim().ToUpperInvariant() ?? string.Empty);

        if (FindError(address.Line1, address.PostalCode, address.City, address.CountryCode) is { } code)
            throw new DomainException(code, $"Invalid postal address ({code}).") { Field = FieldOf(code) };
        return address;
    }

    /// <summary>The first <see cref="ErrorCodes"/> value the address breaks, or null; the same checks as <see cref="Create"/>.</summary>
    public static string? FindError(string? line1, string? postalCode, string? city, string? countryCode)
    {
        if (string.IsNullOrWhiteSpace(line1))
            return ErrorCodes.AddressLine1Required;
        if (string.IsNullOrWhiteSpace(city))
            return ErrorCodes.AddressCityRequired;

        var country = countryCode?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CountryCodes.Contains(country))
            return ErrorCodes.CountryCodeInvalid;

        var code = postalCode?.Trim() ?? string.Empty;
        if (FrenchPostalSystem.Contains(country) && (code.Length != 5 || code.AsSpan().ContainsAnyExceptInRange('0', '9')))
            return ErrorCodes.PostalCodeInvalid;

        return null;
    }

    private static string FieldOf(string code) => code switch
    {
        ErrorCodes.AddressLine1Required => "line1",
        ErrorCodes.AddressCityRequired => "city",
        ErrorCodes.CountryCodeInvalid => "countryCode",
        _ => "postalCode",
    };
}
