using System.Globalization;
using System.Text;

namespace Koban.Domain.Accounting.Export;

/// <summary>Writes export rows to a stream, one at a time: nothing but the current line is held in memory.</summary>
public interface IAccountingFileWriter
{
    /// <summary>The MIME type with its charset, for the download.</summary>
    string ContentType { get; }

    /// <summary>The file extension, with its dot.</summary>
    string FileExtension { get; }

    /// <summary>Writes every row (in the order given) and returns how many were written; <paramref name="progress"/> hears the running count now and then.</summary>
    Task<long> WriteAsync(IAsyncEnumerable<ExportRow> rows, Stream output, IProgress<long>? progress = null, CancellationToken ct = default);
}

/// <summary>The common loop of the text formats: an optional header line, one line per row, CRLF line ends.</summary>
public abstract class LineFileWriter : IAccountingFileWriter
{
    /// <summary>How often (in rows) progress is reported.</summary>
    public const int ProgressInterval = 5_000;

    protected static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    protected LineFileWriter(Encoding encoding, string mediaType, string charset)
    {
        Encoding = encoding;
        ContentType = $"{mediaType}; charset={charset}";
    }

    public Encoding Encoding { get; }
    public string ContentType { get; }
    public virtual string FileExtension => ".txt";

    public async Task<long> WriteAsync(IAsyncEnumerable<ExportRow> rows, Stream output, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        long count = 0;
        var line = new StringBuilder(512);
        await using (var writer = new StreamWriter(output, Encoding, 1 << 16, leaveOpen: true) { NewLine = "\r\n" })
        {
            if (Header() is { } header) await writer.WriteLineAsync(header).ConfigureAwait(false);
            await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                line.Clear();
                AppendRow(line, row);
                line.Append("\r\n");
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
                if (++count % ProgressInterval == 0) progress?.Report(count);
            }
            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
        progress?.Report(count);
        return count;
    }

    /// <summary>The first line, or null for none.</summary>
    protected virtual string? Header() => null;

    /// <summary>Appends one row's line, without its line end.</summary>
    protected abstract void AppendRow(StringBuilder line, ExportRow row);

    /// <summary>Left-aligned, cut or padded with spaces to exactly <paramref name="width"/> characters; line breaks and tabs become spaces.</summary>
    protected static void AppendFixed(StringBuilder line, string? value, int width)
    {
        var text = value ?? string.Empty;
        var n = Math.Min(text.Length, width);
        for (var i = 0; i < n; i++) line.Append(text[i] is '\r' or '\n' or '\t' ? ' ' : text[i]);
        line.Append(' ', width - n);
    }
}

public static class AccountingFileWriters
{
    /// <summary>The writer of a format; <paramref name="fec"/> and <paramref name="csv"/> configure the FEC and CSV formats (defaults otherwise).</summary>
    public static IAccountingFileWriter For(AccountingExportFormat format, FecOptions? fec = null, CsvLayout? csv = null) => format switch
    {
        AccountingExportFormat.Fec => new FecWriter(fec ?? FecOptions.Default),
        AccountingExportFormat.Quadratus => new QuadratusWriter(),
        AccountingExportFormat.Ebp => new EbpWriter(),
        AccountingExportFormat.Csv => new CsvWriter(csv ?? CsvLayout.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
