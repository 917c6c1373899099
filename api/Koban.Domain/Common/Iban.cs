using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Koban.Domain.Common;

/// <summary>
/// An IBAN (ISO 13616): the company's bank account printed on invoices and carried by Factur-X (domain-rules.md §10),
/// or a customer's account. Checked on the registry length of its country and on its MOD 97-10 key.
/// </summary>
public sealed record Iban
{
    // IBAN registry (SWIFT, ISO 13616) lengths: every SEPA country, plus neighbours customers commonly pay from.
    // French overseas departments and collectivities use FR IBANs.
    private static readonly FrozenDictionary<string, int> Lengths = """
        AD24 AL28 AT20 BA20 BE16 BG22 CH21 CY28 CZ24 DE22 DK18 EE20 ES24 FI18 FO18 FR27 GB22 GI23 GL18 GR27 HR21 HU28 IE22 IS26
        IT27 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MT31 NL18 NO15 PL28 PT25 RO24 RS22 SE24 SI19 SK24 SM27 TN24 TR26 UA29 VA22
        XK20
        """
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenDictionary(entry => entry[..2], entry => int.Parse(entry.AsSpan(2), CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static readonly SearchValues<char> AlphanumericUpper = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private Iban(string value) => Value = value;

    /// <summary>Electronic form: upper case, no spaces, e.g. "FR7630006000011234567890189".</summary>
    public string Value { get; }

    public string CountryCode => Value[..2];

    public string CheckDigits => Value[2..4];

    /// <summary>The national account number (for France: bank, branch, account and RIB key).</summary>
    public string Bban => Value[4..];

    /// <summary>Print form in groups of four, "FR76 3000 6000 0112 3456 7890 189".</summary>
    public string Formatted
    {
        get
        {
            var builder = new StringBuilder(Value.Length + (Value.Length / 4));
            for (var i = 0; i < Value.Length; i += 4)
            {
                if (i > 0)
                    builder.Append(' ');
                builder.Append(Value.AsSpan(i, Math.Min(4, Value.Length - i)));
            }

            return builder.ToString();
        }
    }

    public static Iban Parse(string? input, string field = "iban")
    {
        var error = Check(input, out var value);
        if (error is null)
            return new Iban(value);

        var country = value.Length >= 2 ? value[..2] : string.Empty;
        var arguments = new Dictionary<string, object> { ["country"] = country };
        if (error == ErrorCodes.IbanInvalidLength)
            arguments["expectedLength"] = Lengths[country];
        throw new DomainException(error, $"'{input}' is not a valid IBAN.") { Field = field, Arguments = arguments };
    }

    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out Iban? iban)
    {
        iban = Check(input, out var value) is null ? new Iban(value) : null;
        return iban is not null;
    }

    public static bool IsValid([NotNullWhen(true)] string? input) => Check(input, out _) is null;

    /// <summary>The <see cref="ErrorCodes"/> value describing why <paramref name="input"/> is refused, or null when it is valid.</summary>
    public static string? FindError(string? input) => Check(input, out _);

    public override string ToString() => Value;

    private static string? Check(string? input, out string value)
    {
        value = IdentifierText.Compact(input);
        if (value.Length < 5
            || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1])
            || !IdentifierText.AllAsciiDigits(value.AsSpan(2, 2))
            || value.AsSpan(4).ContainsAnyExcept(AlphanumericUpper))
            return ErrorCodes.IbanInvalidFormat;

        if (!Lengths.TryGetValue(value[..2], out var length))
            return ErrorCodes.IbanUnsupportedCountry;

        if (value.Length != length)
            return ErrorCodes.IbanInvalidLength;

        // Keys are 02–98 (ISO 13616 computes 98 − remainder): "00", "01" and "99" give the same remainder as
        // "97", "98" and "02", so the MOD 97 test alone would let them through.
        var key = int.Parse(value.AsSpan(2, 2), CultureInfo.InvariantCulture);
        if (key is < 2 or > 98)
            return ErrorCodes.IbanInvalidChecksum;

        return Koban.Domain.Common.CheckDigits.Mod97(string.Concat(value.AsSpan(4), value.AsSpan(0, 4))) == 1
            ? null
            : ErrorCodes.IbanInvalidChecksum;
    }
}
