using System.Diagnostics.CodeAnalysis;

namespace Koban.Domain.Common;

/// <summary>
/// SIREN, the 9-digit INSEE number of a French company (mandatory invoice mention, domain-rules.md §4; EN 16931 BT-30/BT-47).
/// The last digit is a Luhn key.
/// </summary>
public sealed record Siren
{
    private Siren(string value) => Value = value;

    /// <summary>The 9 digits, without spaces.</summary>
    public string Value { get; }

    /// <summary>The usual printed form, "732 829 320".</summary>
    public string Formatted => $"{Value[..3]} {Value[3..6]} {Value[6..]}";

    public static Siren Parse(string? input, string field = "siren")
    {
        var error = Check(input, out var value);
        return error is null
            ? new Siren(value)
            : throw new DomainException(error, $"'{input}' is not a valid SIREN.") { Field = field };
    }

    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out Siren? siren)
    {
        siren = Check(input, out var value) is null ? new Siren(value) : null;
        return siren is not null;
    }

    public static bool IsValid([NotNullWhen(true)] string? input) => Check(input, out _) is null;

    /// <summary>The <see cref="ErrorCodes"/> value describing why <paramref name="input"/> is refused, or null when it is valid; for form validators.</summary>
    public static string? FindError(string? input) => Check(input, out _);

    public override string ToString() => Value;

    private static string? Check(string? input, out string value)
    {
        value = IdentifierText.Compact(input);
        if (value.Length != 9 || !IdentifierText.AllAsciiDigits(value))
            return ErrorCodes.SirenInvalidFormat;

        // 000000000 passes Luhn but INSEE never issues it; it is what a placeholder looks like.
        if (value == "000000000")
            return ErrorCodes.SirenInvalidFormat;

        return CheckDigits.Luhn(value) ? null : ErrorCodes.SirenInvalidCheckDigit;
    }
}
