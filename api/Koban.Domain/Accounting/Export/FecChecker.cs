using System.Globalization;
using System.Text;

namespace Koban.Domain.Accounting.Export;

/// <summary>A rule of the FEC a file breaks.</summary>
public enum FecRule
{
    /// <summary>The first line is not the 18 column names in order.</summary>
    Header,

    /// <summary>A line does not have 18 fields.</summary>
    ColumnCount,

    /// <summary>A date is not a valid <c>yyyyMMdd</c> (or a required date is empty).</summary>
    Date,

    /// <summary>An amount is not digits with an optional decimal comma (no point, no thousands separator).</summary>
    Amount,

    /// <summary>An entry's debits and credits differ.</summary>
    Balance,

    /// <summary>EcritureNum is not an integer continuing the journal's previous number by one, or an entry's lines are not contiguous.</summary>
    Numbering,

    /// <summary>An entry comes before the previous one in chronological order: EcritureDate, then JournalCode, then EcritureNum.</summary>
    DateOrder,

    /// <summary>A required text field (journal, account, number) is empty.</summary>
    Required,

    /// <summary>An entry lies outside the file's fiscal year (a FEC covers one fiscal year only).</summary>
    FiscalYear,

    /// <summary>A lettering code without its date (or the reverse), or a letter whose lines on one account do not balance to zero.</summary>
    Lettering,
}

public sealed record FecViolation(long Line, FecRule Rule, string Message)
{
    public override string ToString() => $"line {Line}: {Rule}: {Message}";
}

/// <summary>What <see cref="FecChecker"/> found: the violations (none for a valid file) and counts.</summary>
public sealed record FecCheckResult(IReadOnlyList<FecViolation> Violations, long Lines, long Entries, char Separator)
{
    public bool IsValid => Violations.Count == 0;
}

/// <summary>
/// Reads a FEC file line by line and reports what breaks domain-rules.md §9 and article A47 A-1 LPF: header and column
/// count, <c>yyyyMMdd</c> dates, decimal-comma amounts, every EcritureNum balanced, EcritureNum continuous per journal
/// (1, 2, 3… — or from <c>firstNumbers</c> for a period that does not start the fiscal year) with each entry's lines
/// together, lines in chronological order (EcritureDate, then JournalCode, then EcritureNum), every entry inside one fiscal
/// year (the one closing on <c>fiscalYearEnd</c> when given, else within a year of the first entry), and lettering: a code
/// goes with its date, and the lines of each letter on an account (CompteNum and CompAuxNum) balance to zero. Memory grows
/// with the number of entries and letters, not lines. At most <see cref="MaxViolations"/> violations are kept.
/// </summary>
public static class FecChecker
{
    public const int MaxViolations = 1_000;

    private sealed class JournalState
    {
        public int Number;
        public decimal Debit;
        public decimal Credit;
        public long FirstLine;
        public HashSet<int> Closed = [];
    }

    private sealed class LetterState
    {
        public decimal Balance;
        public long FirstLine;
    }

    /// <param name="input">The file.</param>
    /// <param name="encoding">The character set (ISO-8859-15 when null).</param>
    /// <param name="firstNumbers">Per journal code, the first EcritureNum expected (1 when absent).</param>
    /// <param name="fiscalYearEnd">The closing date of the file's fiscal year (the date in its name); when null, the entries must lie within a year of the first one.</param>
    public static FecCheckResult Check(Stream input, Encoding? encoding = null, IReadOnlyDictionary<string, int>? firstNumbers = null, DateOnly? fiscalYearEnd = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var violations = new List<FecViolation>();
        var journals = new Dictionary<string, JournalState>(StringComparer.Ordinal);
        var letters = new Dictionary<(string Account, string Auxiliary, string Letter), LetterState>();
        long lineNumber = 0, entries = 0;
        var separator = '\t';
        (DateOnly Date, string Journal, int Number)? previous = null;
        DateOnly? firstDate = null;
        using var reader = new StreamReader(input, encoding ?? ExportEncodings.Get(ExportEncoding.Iso885915), detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);

        void Add(long line, FecRule rule, string message)
        {
            if (violations.Count < MaxViolations) violations.Add(new FecViolation(line, rule, message));
        }

        void Close(string journal, JournalState state)
        {
            if (state.Number == 0) return;
            if (state.Debit != state.Credit)
                Add(state.FirstLine, FecRule.Balance, $"entry {journal} {state.Number}: debit {FecWriter.Amount(state.Debit)} ≠ credit {FecWriter.Amount(state.Credit)}");
            state.Closed.Add(state.Number);
        }

        var header = reader.ReadLine();
        lineNumber++;
        if (header is null)
        {
            Add(1, FecRule.Header, "empty file");
            return new FecCheckResult(violations, 0, 0, separator);
        }
        separator = header.Contains('\t', StringComparison.Ordinal) ? '\t' : '|';
        if (!header.Split(separator).SequenceEqual(FecWriter.Columns))
            Add(1, FecRule.Header, $"expected the 18 names {string.Join(' ', FecWriter.Columns)}");

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var f = line.Split(separator);
            if (f.Length != 18)
            {
                Add(lineNumber, FecRule.ColumnCount, $"{f.Length} fields instead of 18");
                continue;
            }
            var journal = f[0];
            if (journal.Length == 0) Add(lineNumber, FecRule.Required, "JournalCode is empty");
            if (f[4].Length == 0) Add(lineNumber, FecRule.Required, "CompteNum is empty");
            var entryDate = Date(f[3], "EcritureDate", required: true);
            Date(f[9], "PieceDate", required: true);
            Date(f[14], "DateLet", required: false);
            Date(f[15], "ValidDate", required: true);
            var debit = Amount(f[11], "Debit", required: true);
            var credit = Amount(f[12], "Credit", required: true);
            Amount(f[16], "Montantdevise", required: false);
            Letter(f, debit, credit);

            if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                Add(lineNumber, FecRule.Numbering, $"EcritureNum '{f[2]}' is not a positive integer");
                continue;
            }
            if (!journals.TryGetValue(journal, out var state))
                journals[journal] = state = new JournalState();
            if (number != state.Number)
            {
                Close(journal, state);
                var expected = state.Number == 0 ? (firstNumbers is not null && firstNumbers.TryGetValue(journal, out var first) ? first : 1) : state.Number + 1;
                if (state.Closed.Contains(number))
                    Add(lineNumber, FecRule.Numbering, $"entry {journal} {number} reappears after other entries (its lines must be contiguous)");
                else if (number != expected)
                    Add(lineNumber, FecRule.Numbering, $"journal {journal}: EcritureNum {number} where {expected} was expected");
                if (entryDate is { } d)
                {
                    var key = (d, journal, number);
                    if (previous is { } p && Compare(key, p) < 0)
                        Add(lineNumber, FecRule.DateOrder, $"entry {journal} {number} dated {f[3]} comes after entry {p.Journal} {p.Number} dated {p.Date:yyyyMMdd}");
                    else previous = key;
                    FiscalYearCheck(d, journal, number);
                }
                entries++;
                state.Number = number;
                state.Debit = 0m;
                state.Credit = 0m;
                state.FirstLine = lineNumber;
            }
            state.Debit += debit ?? 0m;
            state.Credit += credit ?? 0m;
        }
        foreach (var (journal, state) in journals) Close(journal, state);
        foreach (var ((account, auxiliary, letter), state) in letters)
        {
            if (state.Balance != 0m)
                Add(state.FirstLine, FecRule.Lettering, $"letter {letter} on {account}{(auxiliary.Length == 0 ? "" : " " + auxiliary)} does not balance: debit − credit = {FecWriter.Amount(state.Balance)}");
        }
        violations.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new FecCheckResult(violations, lineNumber, entries, separator);

        static int Compare((DateOnly Date, string Journal, int Number) a, (DateOnly Date, string Journal, int Number) b)
        {
            var byDate = a.Date.CompareTo(b.Date);
            if (byDate != 0) return byDate;
            var byJournal = string.CompareOrdinal(a.Journal, b.Journal);
            return byJournal != 0 ? byJournal : a.Number.CompareTo(b.Number);
        }

        void FiscalYearCheck(DateOnly date, string journal, int number)
        {
            if (fiscalYearEnd is { } end)
            {
                if (date > end || date <= end.AddYears(-1))
                    Add(lineNumber, FecRule.FiscalYear, $"entry {journal} {number} dated {date:yyyyMMdd} lies outside the fiscal year closing on {end:yyyyMMdd}");
                return;
            }
            firstDate ??= date;
            if (date >= firstDate.Value.AddYears(1) || date <= firstDate.Value.AddYears(-1))
                Add(lineNumber, FecRule.FiscalYear, $"entry {journal} {number} dated {date:yyyyMMdd} is a year or more away from the first entry ({firstDate:yyyyMMdd})");
        }

        void Letter(string[] f, decimal? debit, decimal? credit)
        {
            var letter = f[13];
            if (letter.Length == 0)
            {
                if (f[14].Length != 0) Add(lineNumber, FecRule.Lettering, "DateLet without EcritureLet");
                return;
            }
            if (f[14].Length == 0) Add(lineNumber, FecRule.Lettering, $"EcritureLet '{letter}' without DateLet");
            var key = (f[4], f[6], letter);
            if (!letters.TryGetValue(key, out var state)) letters[key] = state = new LetterState { FirstLine = lineNumber };
            state.Balance += (debit ?? 0m) - (credit ?? 0m);
        }

        DateOnly? Date(string value, string name, bool required)
        {
            if (value.Length == 0)
            {
                if (required) Add(lineNumber, FecRule.Date, $"{name} is empty");
                return null;
            }
            if (value.Length == 8 && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Add(lineNumber, FecRule.Date, $"{name} '{value}' is not a yyyyMMdd date");
            return null;
        }

        decimal? Amount(string value, string name, bool required)
        {
            if (value.Length == 0)
            {
                if (required) Add(lineNumber, FecRule.Amount, $"{name} is empty");
                return null;
            }
            if (!IsCommaDecimal(value))
            {
                Add(lineNumber, FecRule.Amount, $"{name} '{value}' is not an amount with a decimal comma");
                return null;
            }
            return decimal.Parse(value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Optional sign, digits, optionally a comma and 1–2 digits: <c>1234,50</c>, <c>-3,5</c>, <c>0</c>.</summary>
    private static bool IsCommaDecimal(string value)
    {
        var i = value[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i])) { i++; digits++; }
        if (digits == 0) return false;
        if (i == value.Length) return true;
        if (value[i] != ',') return false;
        i++;
        var decimals = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i])) { i++; decimals++; }
        return i == value.Length && decimals is 1 or 2;
    }
}
