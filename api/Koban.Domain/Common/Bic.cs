using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Koban.Domain.Common;

/// <summary>
/// A BIC (ISO 9362): institution (4 letters), country (2 letters), location (2 letters or digits), optional branch
/// (3 letters or digits). Kept as entered: "BNPAFRPP" and "BNPAFRPPXXX" designate the same office but are different
/// values, and the bank's own spelling is what goes on the invoice.
/// </summary>
public sealed partial record Bic
{
    private Bic(string value) => Value = value;

    public string Value { get; }

    public string InstitutionCode => Value[..4];

    public string CountryCode => Value[4..6];

    public string LocationCode => Value[6..8];

    /// <summary>Null for an 8-character BIC.</summary>
    public string? BranchCode => Value.Length == 11 ? Value[8..] : null;

    public static Bic Parse(string? input, string field = "bic") =>
        TryParse(input, out var bic)
            ? bic
            : throw new DomainException(ErrorCodes.BicInvalidFormat, $"'{input}' is not a valid BIC.") { Field = field };

    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out Bic? bic)
    {
        var value = IdentifierText.Compact(input);
        bic = Shape().IsMatch(value) ? new Bic(value) : null;
        return bic is not null;
    }

    public static bool IsValid([NotNullWhen(true)] string? input) => TryParse(input, out _);

    /// <summary>The <see cref="ErrorCodes"/> value describing why <paramref name="input"/> is refused, or null when it is valid.</summary>
    public static string? FindError(string? input) => IsValid(input) ? null : ErrorCodes.BicInvalidFormat;

    public override string ToString() => Value;

    [GeneratedRegex(@"\A[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
