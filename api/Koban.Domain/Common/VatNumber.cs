using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Koban.Domain.Common;

/// <summary>
/// An intra-EU VAT identification number (mandatory on invoices for the seller and for EU business customers,
/// domain-rules.md §4; it decides the K/AE VAT categories of §7). Other member states are checked on their published
/// format only (a VIES lookup is the real proof of validity); French numbers are also checked on their key and SIREN.
/// </summary>
public sealed record VatNumber
{
    // [0-9], not \d: .NET's \d matches every Unicode digit.
    private static readonly Dictionary<string, Regex> Formats = new(StringComparer.Ordinal)
    {
        ["AT"] = Format("U[0-9]{8}"),
        ["BE"] = Format("[01][0-9]{9}"),
        ["BG"] = Format("[0-9]{9,10}"),
        ["CY"] = Format("[0-9]{8}[A-Z]"),
        ["CZ"] = Format("[0-9]{8,10}"),
        ["DE"] = Format("[0-9]{9}"),
        ["DK"] = Format("[0-9]{8}"),
        ["EE"] = Format("[0-9]{9}"),
        ["EL"] = Format("[0-9]{9}"),
        ["ES"] = Format("[A-Z][0-9]{7}[A-Z0-9]|[0-9]{8}[A-Z]"),
        ["FI"] = Format("[0-9]{8}"),
        // Key: two digits, or (new style) digits and letters other than I and O.
        ["FR"] = Format("[0-9A-HJ-NP-Z]{2}[0-9]{9}"),
        ["HR"] = Format("[0-9]{11}"),
        ["HU"] = Format("[0-9]{8}"),
        ["IE"] = Format("[0-9]{7}[A-W][A-IW]?|[0-9][A-Z+*][0-9]{5}[A-W]"),
        ["IT"] = Format("[0-9]{11}"),
        ["LT"] = Format("[0-9]{9}|[0-9]{12}"),
        ["LU"] = Format("[0-9]{8}"),
        ["LV"] = Format("[0-9]{11}"),
        ["MT"] = Format("[0-9]{8}"),
        ["NL"] = Format("[0-9]{9}B[0-9]{2}"),
        ["PL"] = Format("[0-9]{10}"),
        ["PT"] = Format("[0-9]{9}"),
        ["RO"] = Format("[1-9][0-9]{1,9}"),
        ["SE"] = Format("[0-9]{10}01"),
        ["SI"] = Format("[0-9]{8}"),
        ["SK"] = Format("[0-9]{10}"),
    };

    // Alphabet of new-style French keys (no I, no O), in the order the DGFiP key computation indexes it.
    private const string FrenchKeyAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private VatNumber(string value) => Value = value;

    /// <summary>Compact form with its VIES prefix, e.g. "FR83404833048", "EL094259216".</summary>
    public string Value { get; }

    /// <summary>The VIES prefix: the ISO code, except Greece, which is "EL".</summary>
    public string Prefix => Value[..2];

    /// <summary>ISO 3166 alpha-2 code of the issuing country ("GR" for an "EL" number).</summary>
    public string CountryCode => Prefix == "EL" ? "GR" : Prefix;

    /// <summary>The national part, after the prefix.</summary>
    public string NationalNumber => Value[2..];

    public static VatNumber Parse(string? input, string field = "vatNumber")
    {
        var error = Check(input, out var value);
        return error is null
            ? new VatNumber(value)
            : throw new DomainException(error, $"'{input}' is not a valid intra-EU VAT number.") { Field = field };
    }

    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out VatNumber? vatNumber)
    {
        vatNumber = Check(input, out var value) is null ? new VatNumber(value) : null;
        return vatNumber is not null;
    }

    public static bool IsValid([NotNullWhen(true)] string? input) => Check(input, out _) is null;

    /// <summary>The <see cref="ErrorCodes"/> value describing why <paramref name="input"/> is refused, or null when it is valid.</summary>
    public static string? FindError(string? input) => Check(input, out _);

    /// <summary>The French VAT number the tax office derives from a SIREN: FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97.</summary>
    public static VatNumber ForFrenchSiren(Siren siren) =>
        new(string.Create(CultureInfo.InvariantCulture, $"FR{FrenchNumericKey(siren.Value):00}{siren.Value}"));

    /// <summary>Whether this is the French VAT number of <paramref name="siren"/>: a French number embeds the SIREN after its key.</summary>
    public bool MatchesSiren(Siren siren) => Prefix == "FR" && Value.AsSpan(4).SequenceEqual(siren.Value);

    public override string ToString() => Value;

    private static string? Check(string? input, out string value)
    {
        value = IdentifierText.Compact(input, ".-");
        if (value.Length < 3)
            return ErrorCodes.VatNumberInvalidFormat;

        // "GR" is the ISO code people type; VIES only knows Greek numbers as "EL".
        if (value.StartsWith("GR", StringComparison.Ordinal))
            value = string.Concat("EL", value.AsSpan(2));

        if (!Formats.TryGetValue(value[..2], out var format))
            return char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1])
                ? ErrorCodes.VatNumberUnsupportedCountry
                : ErrorCodes.VatNumberInvalidFormat;

        if (!format.IsMatch(value.AsSpan(2)))
            return ErrorCodes.VatNumberInvalidFormat;

        return value[..2] == "FR" ? CheckFrench(value[2..4], value[4..]) : null;
    }

    private static string? CheckFrench(string key, string siren)
    {
        // Monegasque companies get French VAT numbers over a 000-prefixed number that is no SIREN (and has no Luhn key).
        if (!siren.StartsWith("000", StringComparison.Ordinal) && !Siren.IsValid(siren))
            return ErrorCodes.VatNumberInvalidSiren;

        if (IdentifierText.AllAsciiDigits(key))
            return int.Parse(key, CultureInfo.InvariantCulture) == FrenchNumericKey(siren) ? null : ErrorCodes.VatNumberInvalidKey;

        // New-style keys, issued once the numeric ones ran out for some registrations; algorithm as implemented by
        // python-stdnum (fr.tva) after the DGFiP's specification.
        var check = char.IsAsciiDigit(key[0])
            ? (FrenchKeyAlphabet.IndexOf(key[0], StringComparison.Ordinal) * 24) + FrenchKeyAlphabet.IndexOf(key[1], StringComparison.Ordinal) - 10
            : (FrenchKeyAlphabet.IndexOf(key[0], StringComparison.Ordinal) * 34) + FrenchKeyAlphabet.IndexOf(key[1], StringComparison.Ordinal) - 100;
        var number = long.Parse(siren, CultureInfo.InvariantCulture);
        return (number + 1 + (check / 11)) % 11 == check % 11 ? null : ErrorCodes.VatNumberInvalidKey;
    }

    private static int FrenchNumericKey(string siren) => (int)((12 + (3 * (long.Parse(siren, CultureInfo.InvariantCulture) % 97))) % 97);

    private static Regex Format(string pattern) =>
        new($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
}
