using System.Diagnostics.CodeAnalysis;

namespace Koban.Domain.Common;

/// <summary>
/// SIRET, the 14-digit INSEE number of an establishment: its company's <see cref="Siren"/> followed by a 5-digit NIC,
/// the whole protected by a Luhn key. La Poste's establishments (SIREN 356000000) are the one exception: INSEE numbers
/// them so that the sum of the digits is a multiple of 5; only its head office, 356 000 000 00048, follows Luhn.
/// </summary>
public sealed record Siret
{
    private const string LaPosteSiren = "356000000";
    private const string LaPosteHeadOffice = "35600000000048";

    private Siret(string value) => Value = value;

    /// <summary>The 14 digits, without spaces.</summary>
    public string Value { get; }

    public Siren Siren => Siren.Parse(Value[..9]);

    /// <summary>Numéro interne de classement: identifies the establishment within the company.</summary>
    public string Nic => Value[9..];

    /// <summary>The usual printed form, "732 829 320 00074".</summary>
    public string Formatted => $"{Value[..3]} {Value[3..6]} {Value[6..9]} {Value[9..]}";

    public static Siret Parse(string? input, string field = "siret")
    {
        var error = Check(input, out var value);
        return error is null
            ? new Siret(value)
            : throw new DomainException(error, $"'{input}' is not a valid SIRET.") { Field = field };
    }

    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out Siret? siret)
    {
        siret = Check(input, out var value) is null ? new Siret(value) : null;
        return siret is not null;
    }

    public static bool IsValid([NotNullWhen(true)] string? input) => Check(input, out _) is null;

    /// <summary>The <see cref="ErrorCodes"/> value describing why <paramref name="input"/> is refused, or null when it is valid.</summary>
    public static string? FindError(string? input) => Check(input, out _);

    public override string ToString() => Value;

    private static string? Check(string? input, out string value)
    {
        value = IdentifierText.Compact(input);
        if (value.Length != 14 || !IdentifierText.AllAsciiDigits(value))
            return ErrorCodes.SiretInvalidFormat;

        // The SIREN part carries its own key: a SIRET whose 14-digit Luhn happens to pass on a wrong SIREN is still wrong.
        if (!Siren.IsValid(value[..9]))
            return ErrorCodes.SiretInvalidCheckDigit;

        var keyHolds = value.StartsWith(LaPosteSiren, StringComparison.Ordinal) && value != LaPosteHeadOffice
            ? CheckDigits.DigitSum(value) % 5 == 0
            : CheckDigits.Luhn(value);
        return keyHolds ? null : ErrorCodes.SiretInvalidCheckDigit;
    }
}
