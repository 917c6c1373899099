using System.Globalization;
using Koban.Domain.Common;

namespace Koban.Domain.Numbering;

public enum DocumentType
{
    Quote,
    Order,
    Invoice,
    CreditNote,
    DeliveryNote,
}

public enum YearToken
{
    None,
    TwoDigits,
    FourDigits,
}

/// <summary>
/// How a company numbers one document type (domain-rules §3): literal prefix, optional year, separator,
/// zero-padded counter, with or without a yearly restart, e.g. <c>FA-2026-00042</c> or <c>FAC26-042</c>.
/// </summary>
public sealed record NumberingScheme(string Prefix, YearToken Year, string Separator, int Padding, bool ResetYearly, long FirstNumber)
{
    public const int MaxLength = 30;

    public static NumberingScheme DefaultFor(DocumentType type) => new(type switch
    {
        DocumentType.Quote => "DE-",
        DocumentType.Order => "CO-",
        DocumentType.Invoice => "FA-",
        DocumentType.CreditNote => "AV-",
        DocumentType.DeliveryNote => "BL-",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    }, YearToken.FourDigits, "-", 5, ResetYearly: true, FirstNumber: 1);

    /// <summary>The counter's period: the year when it restarts yearly, else one endless period (0).</summary>
    public int PeriodOf(DateOnly date) => ResetYearly ? date.Year : 0;

    public string Format(long counter, DateOnly date)
    {
        var year = Year switch
        {
            YearToken.TwoDigits => (date.Year % 100).ToString("00", CultureInfo.InvariantCulture),
            YearToken.FourDigits => date.Year.ToString("0000", CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
        var digits = counter.ToString(CultureInfo.InvariantCulture).PadLeft(Padding, '0');
        return Year == YearToken.None ? $"{Prefix}{digits}" : $"{Prefix}{year}{Separator}{digits}";
    }

    public void Validate()
    {
        if (Prefix.Length > 12 || Prefix.Any(c => char.IsControl(c) || c == '|'))
        {
            throw new DomainException(ErrorCodes.NumberingPrefixInvalid, "The prefix must be at most 12 printable characters.") { Field = "prefix" };
        }
        if (Separator.Length > 3 || Separator.Any(char.IsControl))
        {
            throw new DomainException(ErrorCodes.NumberingPrefixInvalid, "The separator must be at most 3 printable characters.") { Field = "separator" };
        }
        if (Padding is < 1 or > 10)
        {
            throw new DomainException(ErrorCodes.NumberingPaddingInvalid, "The counter must have 1 to 10 digits.") { Field = "padding" };
        }
        if (FirstNumber < 1)
        {
            throw new DomainException(ErrorCodes.NumberingFirstNumberInvalid, "The first number must be at least 1.") { Field = "firstNumber" };
        }
        // Without a year in the number, a yearly restart would issue the same number twice (domain-rules §3: unique).
        if (ResetYearly && Year == YearToken.None)
        {
            throw new DomainException(ErrorCodes.NumberingResetNeedsYear, "A counter that restarts every year needs the year in the number.") { Field = "resetYearly" };
        }
    }
}
