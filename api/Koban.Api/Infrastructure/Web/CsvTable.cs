using System.Text;

namespace Koban.Api.Infrastructure.Web;

/// <summary>
/// Reads the CSV files people export from spreadsheets and other tools: UTF-8 (with or without BOM) or
/// Windows-1252 when the bytes are not valid UTF-8, separator detected from the header (<c>;</c> as French Excel
/// writes it, <c>,</c> or tab), RFC 4180 quoting (quotes doubled, separators and line breaks inside quotes).
/// Header names are matched case- and accent-insensitively by the caller through <see cref="Get"/>.
/// </summary>
public sealed class CsvTable
{
    public const int MaxRows = 10_000;

    private readonly Dictionary<string, int> _columns;

    private CsvTable(IReadOnlyList<string> header, List<(int Line, string[] Cells)> rows)
    {
        Header = header;
        Rows = rows;
        _columns = header.Select((h, i) => (Key: Normalize(h), i)).Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows with their line number in the file (header is line 1).</summary>
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    public bool HasColumn(params string[] names) => names.Any(n => _columns.ContainsKey(Normalize(n)));

    /// <summary>The trimmed value of the first present column among <paramref name="names"/>, or null when empty.</summary>
    public string? Get(string[] cells, params string[] names)
    {
        foreach (var name in names)
        {
            if (_columns.TryGetValue(Normalize(name), out var index) && index < cells.Length)
            {
                var value = cells[index].Trim();
                return value.Length == 0 ? null : value;
            }
        }
        return null;
    }

    public static CsvTable Parse(byte[] content)
    {
        var text = Decode(content);
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var separator = new[] { ';', ',', '\t' }.OrderByDescending(c => firstLine.Count(x => x == c)).First();
        var records = ReadRecords(text, separator);
        if (records.Count == 0) throw new FieldValidationException("file", ApiErrorCodes.CsvEmpty);
        var data = records.Skip(1).Where(r => r.Cells.Any(c => c.Trim().Length > 0)).ToList();
        if (data.Count > MaxRows) throw new FieldValidationException("file", ApiErrorCodes.CsvTooManyRows);
        return new CsvTable(records[0].Cells, data);
    }

    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(content);
        }
    }

    private static List<(int Line, string[] Cells)> ReadRecords(string text, char separator)
    {
        var records = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            if (c == '"' && cell.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(cell.ToString());
                cell.Clear();
                records.Add((recordLine, cells.ToArray()));
                cells.Clear();
                line++;
                recordLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells.ToArray()));
        }
        return records;
    }

    private static string Normalize(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (char.IsLetterOrDigit(ch)) builder.Append(ch);
        }
        return builder.ToString();
    }
}
