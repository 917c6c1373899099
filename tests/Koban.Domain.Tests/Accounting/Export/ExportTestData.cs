using System.Runtime.CompilerServices;
using System.Text;
using Koban.Domain.Accounting.Export;

namespace Koban.Domain.Tests.Accounting.Export;

/// <summary>
/// A month of a small company's books, built by hand and balanced: a deposit invoice (30 %, settled by a receipt — lettered A),
/// the balance invoice deducting the deposit, a credit note on it, and a partial payment of the balance. <see cref="Month"/>
/// lists them by journal, number and position (the writers take rows in any order); <see cref="Chronological"/> in the
/// order the export reads them: entry date, journal, number, position.
/// </summary>
internal static class ExportTestData
{
    public static readonly DateOnly Validated = new(2026, 3, 31);

    private static ExportRow Row(string journal, int number, int day, string account, string accountLabel, string? aux, string piece, string label,
        decimal debit, decimal credit, string? letter = null, DateOnly? letteredOn = null) =>
        new(journal, journal == "VT" ? "Ventes" : "Banque", number, new DateOnly(2026, 3, day), account, accountLabel, aux,
            aux is null ? null : "Boulangerie Martin", piece, new DateOnly(2026, 3, day), label, debit, credit, letter, letteredOn, Validated, null, null);

    public static IReadOnlyList<ExportRow> Month { get; } =
    [
        // BQ 1: the receipt settling the deposit invoice
        Row("BQ", 1, 5, "512000", "Banque", null, "VIR-0305", "Règlement FA-2026-0001", 360m, 0m),
        Row("BQ", 1, 5, "411000", "Clients", "411MARTIN", "VIR-0305", "Règlement FA-2026-0001", 0m, 360m, "A", new DateOnly(2026, 3, 5)),
        // BQ 2: a partial payment of the balance invoice
        Row("BQ", 2, 28, "512000", "Banque", null, "CHQ-1234", "Règlement partiel FA-2026-0002", 400m, 0m),
        Row("BQ", 2, 28, "411000", "Clients", "411MARTIN", "CHQ-1234", "Règlement partiel FA-2026-0002", 0m, 400m),
        // VT 1: the deposit invoice (30 % of 1 000 € + VAT 20 %)
        Row("VT", 1, 2, "411000", "Clients", "411MARTIN", "FA-2026-0001", "Facture d'acompte FA-2026-0001", 360m, 0m, "A", new DateOnly(2026, 3, 5)),
        Row("VT", 1, 2, "419100", "Clients - avances et acomptes reçus", null, "FA-2026-0001", "Facture d'acompte FA-2026-0001", 0m, 300m),
        Row("VT", 1, 2, "445710", "TVA collectée", null, "FA-2026-0001", "Facture d'acompte FA-2026-0001", 0m, 60m),
        // VT 2: the balance invoice, deducting the deposit
        Row("VT", 2, 20, "411000", "Clients", "411MARTIN", "FA-2026-0002", "Facture FA-2026-0002", 840m, 0m),
        Row("VT", 2, 20, "419100", "Clients - avances et acomptes reçus", null, "FA-2026-0002", "Facture FA-2026-0002", 300m, 0m),
        Row("VT", 2, 20, "706000", "Prestations de services", null, "FA-2026-0002", "Facture FA-2026-0002", 0m, 1000m),
        Row("VT", 2, 20, "445710", "TVA collectée", null, "FA-2026-0002", "Facture FA-2026-0002", 0m, 140m),
        // VT 3: a credit note (10 % rebate) on the balance invoice
        Row("VT", 3, 25, "706000", "Prestations de services", null, "AV-2026-0001", "Avoir AV-2026-0001", 100m, 0m),
        Row("VT", 3, 25, "445710", "TVA collectée", null, "AV-2026-0001", "Avoir AV-2026-0001", 20m, 0m),
        Row("VT", 3, 25, "411000", "Clients", "411MARTIN", "AV-2026-0001", "Avoir AV-2026-0001", 0m, 120m),
    ];

    /// <summary>The month in the FEC's order: entry date, then journal, then number (then position).</summary>
    public static IReadOnlyList<ExportRow> Chronological { get; } =
        [.. Month.Select((row, index) => (row, index)).OrderBy(x => x.row.EntryDate).ThenBy(x => x.row.JournalCode, StringComparer.Ordinal)
            .ThenBy(x => x.row.EntryNumber).ThenBy(x => x.index).Select(x => x.row)];

    public static async IAsyncEnumerable<ExportRow> Stream(IEnumerable<ExportRow> rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return row;
        }
    }

    public static async Task<byte[]> WriteAsync(IAccountingFileWriter writer, IEnumerable<ExportRow>? rows = null)
    {
        using var output = new MemoryStream();
        await writer.WriteAsync(Stream(rows ?? Month), output);
        return output.ToArray();
    }

    public static Encoding Latin9 => ExportEncodings.Get(ExportEncoding.Iso885915);

    /// <summary>The file's lines (CRLF-separated; the last CRLF ends the last line).</summary>
    public static string[] Lines(byte[] bytes, Encoding encoding)
    {
        var text = encoding.GetString(bytes);
        text.ShouldEndWith("\r\n");
        text[..^2].Contains('\n', StringComparison.Ordinal).ShouldBe(text[..^2].Contains("\r\n", StringComparison.Ordinal));
        return text[..^2].Split("\r\n");
    }
}
