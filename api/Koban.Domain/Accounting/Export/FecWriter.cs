using System.Globalization;
using System.Text;

namespace Koban.Domain.Accounting.Export;

public enum FecSeparator
{
    Tab,
    Pipe,
}

/// <summary>The two choices the FEC leaves open (article A47 A-1 LPF): the field separator and the character set.</summary>
public sealed record FecOptions(FecSeparator Separator = FecSeparator.Tab, ExportEncoding Encoding = ExportEncoding.Iso885915)
{
    public static FecOptions Default { get; } = new();

    public char SeparatorChar => Separator == FecSeparator.Pipe ? '|' : '\t';
}

/// <summary>
/// The FEC (fichier des écritures comptables) of article A47 A-1 of the Livre des procédures fiscales and domain-rules.md §9:
/// a header line with the 18 column names, then one line per entry line; dates <c>yyyyMMdd</c>; amounts with a decimal comma,
/// two decimals, no thousands separator; absent values empty; the separator, tabs and line breaks inside texts become spaces.
/// </summary>
public sealed class FecWriter(FecOptions options) : LineFileWriter(ExportEncodings.Get(options.Encoding), "text/plain", ExportEncodings.CharsetName(options.Encoding))
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef",
        "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
    ];

    private readonly char _separator = options.SeparatorChar;

    protected override string Header() => string.Join(_separator, Columns);

    protected override void AppendRow(StringBuilder line, ExportRow row)
    {
        Text(line, row.JournalCode).Append(_separator);
        Text(line, row.JournalLabel).Append(_separator);
        line.Append(row.EntryNumber.ToString(Invariant)).Append(_separator);
        Date(line, row.EntryDate).Append(_separator);
        Text(line, row.Account).Append(_separator);
        Text(line, row.AccountLabel).Append(_separator);
        Text(line, row.AuxiliaryAccount).Append(_separator);
        Text(line, row.AuxiliaryLabel).Append(_separator);
        Text(line, row.PieceRef).Append(_separator);
        Date(line, row.PieceDate).Append(_separator);
        Text(line, row.Label).Append(_separator);
        line.Append(Amount(row.Debit)).Append(_separator);
        line.Append(Amount(row.Credit)).Append(_separator);
        Text(line, row.LetteringCode).Append(_separator);
        if (row.LetteringDate is { } lettered) Date(line, lettered);
        line.Append(_separator);
        Date(line, row.ValidationDate).Append(_separator);
        if (row.CurrencyAmount is { } currency) line.Append(Amount(currency));
        line.Append(_separator);
        Text(line, row.CurrencyCode);
    }

    /// <summary>Two decimals, decimal comma, no thousands separator: 1234.5 → <c>1234,50</c>.</summary>
    public static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static StringBuilder Date(StringBuilder line, DateOnly date) => line.Append(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    private StringBuilder Text(StringBuilder line, string? value)
    {
        if (value is null) return line;
        foreach (var c in value) line.Append(c == _separator || c is '\r' or '\n' or '\t' ? ' ' : c);
        return line;
    }
}

public static class FecFileName
{
    /// <summary><c>&lt;SIREN&gt;FEC&lt;yyyyMMdd&gt;.txt</c>, dated with the closing date of the fiscal year.</summary>
    public static string For(string siren, DateOnly fiscalYearEnd) =>
        $"{siren}FEC{fiscalYearEnd.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.txt";
}
