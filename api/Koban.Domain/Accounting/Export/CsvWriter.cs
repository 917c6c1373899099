using System.Globalization;
using System.Text;
using Koban.Domain.Common;

namespace Koban.Domain.Accounting.Export;

/// <summary>The values a configurable CSV column can carry: the 18 FEC fields plus a signed amount and the side.</summary>
public enum CsvField
{
    JournalCode,
    JournalLabel,
    EntryNumber,
    EntryDate,
    Account,
    AccountLabel,
    AuxiliaryAccount,
    AuxiliaryLabel,
    PieceRef,
    PieceDate,
    Label,
    Debit,
    Credit,
    LetteringCode,
    LetteringDate,
    ValidationDate,
    CurrencyAmount,
    CurrencyCode,

    /// <summary>Debit − credit: positive for a debit, negative for a credit.</summary>
    Amount,

    /// <summary><c>D</c> (debit) or <c>C</c> (credit).</summary>
    Direction,
}

/// <summary>A CSV layout: ordered columns, separator, decimal mark (<c>,</c> or <c>.</c>), date format (.NET custom format), header line, character set.</summary>
public sealed record CsvLayout(IReadOnlyList<CsvField> Columns, char Separator = ';', char DecimalMark = ',', string DateFormat = "dd/MM/yyyy",
    bool Header = true, ExportEncoding Encoding = ExportEncoding.Utf8)
{
    public static CsvLayout Default { get; } = new([
        CsvField.JournalCode, CsvField.EntryNumber, CsvField.EntryDate, CsvField.Account, CsvField.AuxiliaryAccount, CsvField.PieceRef,
        CsvField.Label, CsvField.Debit, CsvField.Credit, CsvField.LetteringCode,
    ]);

    /// <summary>The problems of this layout, as <see cref="ErrorCodes"/> values (empty when usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Columns is null || Columns.Count == 0 || Columns.Any(c => !Enum.IsDefined(c))) problems.Add(ErrorCodes.CsvColumnsInvalid);
        if (DecimalMark is not (',' or '.')) problems.Add(ErrorCodes.CsvDecimalMarkInvalid);
        if (Separator is '"' or '\r' or '\n' || char.IsLetterOrDigit(Separator) || Separator == DecimalMark) problems.Add(ErrorCodes.CsvSeparatorInvalid);
        if (string.IsNullOrWhiteSpace(DateFormat) || DateFormat.Length > 20)
        {
            problems.Add(ErrorCodes.CsvDateFormatInvalid);
        }
        else
        {
            try
            {
                _ = new DateOnly(2026, 12, 31).ToString(DateFormat, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                problems.Add(ErrorCodes.CsvDateFormatInvalid);
            }
        }
        return problems;
    }
}

/// <summary>A configurable CSV (<see cref="CsvLayout"/>), quoted per RFC 4180 when a value holds the separator, a quote or a line break.</summary>
public sealed class CsvWriter : LineFileWriter
{
    private readonly CsvLayout _layout;

    public CsvWriter(CsvLayout layout)
        : base(ExportEncodings.Get(layout.Encoding), "text/csv", ExportEncodings.CharsetName(layout.Encoding))
    {
        var problems = layout.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(layout));
        _layout = layout;
    }

    public override string FileExtension => ".csv";

    protected override string? Header()
    {
        if (!_layout.Header) return null;
        var line = new StringBuilder();
        for (var i = 0; i < _layout.Columns.Count; i++)
        {
            if (i > 0) line.Append(_layout.Separator);
            Field(line, _layout.Columns[i].ToString());
        }
        return line.ToString();
    }

    protected override void AppendRow(StringBuilder line, ExportRow row)
    {
        for (var i = 0; i < _layout.Columns.Count; i++)
        {
            if (i > 0) line.Append(_layout.Separator);
            Field(line, Value(row, _layout.Columns[i]));
        }
    }

    private string? Value(ExportRow row, CsvField field) => field switch
    {
        CsvField.JournalCode => row.JournalCode,
        CsvField.JournalLabel => row.JournalLabel,
        CsvField.EntryNumber => row.EntryNumber.ToString(CultureInfo.InvariantCulture),
        CsvField.EntryDate => Date(row.EntryDate),
        CsvField.Account => row.Account,
        CsvField.AccountLabel => row.AccountLabel,
        CsvField.AuxiliaryAccount => row.AuxiliaryAccount,
        CsvField.AuxiliaryLabel => row.AuxiliaryLabel,
        CsvField.PieceRef => row.PieceRef,
        CsvField.PieceDate => Date(row.PieceDate),
        CsvField.Label => row.Label,
        CsvField.Debit => Amount(row.Debit),
        CsvField.Credit => Amount(row.Credit),
        CsvField.LetteringCode => row.LetteringCode,
        CsvField.LetteringDate => row.LetteringDate is { } d ? Date(d) : null,
        CsvField.ValidationDate => Date(row.ValidationDate),
        CsvField.CurrencyAmount => row.CurrencyAmount is { } a ? Amount(a) : null,
        CsvField.CurrencyCode => row.CurrencyCode,
        CsvField.Amount => Amount(row.Debit - row.Credit),
        CsvField.Direction => row.Debit != 0m ? "D" : "C",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private string Date(DateOnly date) => date.ToString(_layout.DateFormat, CultureInfo.InvariantCulture);

    private string Amount(decimal value)
    {
        var text = value.ToString("0.00", CultureInfo.InvariantCulture);
        return _layout.DecimalMark == '.' ? text : text.Replace('.', _layout.DecimalMark);
    }

    /// <summary>RFC 4180: a field holding the separator, a double quote, CR or LF is enclosed in double quotes, inner quotes doubled.</summary>
    private void Field(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny([_layout.Separator, '"', '\r', '\n']) < 0)
        {
            line.Append(value);
            return;
        }
        line.Append('"');
        foreach (var c in value)
        {
            if (c == '"') line.Append('"');
            line.Append(c);
        }
        line.Append('"');
    }
}
