using System.Text;

namespace Koban.Domain.Common;

internal static class IdentifierText
{
    /// <summary>
    /// Drops every kind of white space (people paste "732 829 320", and French typography uses non-breaking and narrow
    /// no-break spaces) plus the given separators, and upper-cases ASCII letters.
    /// </summary>
    public static string Compact(string? input, string separators = "")
    {
        if (string.IsNullOrEmpty(input))
            return string.Empty;

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c) || separators.Contains(c, StringComparison.Ordinal))
                continue;
            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    // char.IsDigit would accept Arabic-Indic and other Unicode digits, which no register issues.
    public static bool AllAsciiDigits(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExceptInRange('0', '9');
}

internal static class CheckDigits
{
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                    digit -= 9;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    public static int DigitSum(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        foreach (var c in digits)
            sum += c - '0';
        return sum;
    }

    /// <summary>ISO 7064 MOD 97-10 over digits and letters (A = 10 … Z = 35), computed piecewise: the number is too long for any integer type.</summary>
    public static int Mod97(ReadOnlySpan<char> value)
    {
        var remainder = 0;
        foreach (var c in value)
        {
            remainder = c is >= '0' and <= '9'
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
