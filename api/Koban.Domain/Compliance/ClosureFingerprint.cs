using System.Globalization;
using System.Text;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;

namespace Koban.Domain.Compliance;

/// <summary>
/// The canonical text of a closure, in the style of <see cref="DocumentFingerprint"/> (docs/compliance.md gives it field by
/// field): UTF-8, one record per line ending in <c>\n</c>, fields separated by <c>|</c>, <c>\</c> <c>|</c> and line breaks
/// escaped with a backslash, amounts in integer cents, rates in hundredths of a percent, dates <c>yyyyMMdd</c>, times UTC
/// <c>yyyyMMddHHmmss</c>, absent values empty. Its SHA-256 (lowercase hex) is the closure's fingerprint.
/// </summary>
public static class ClosureFingerprint
{
    public const string FormatTag = "KOBAN-CLOSURE-1";

    public static string Canonical(Closure closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        var text = new StringBuilder();
        Record(text, FormatTag, closure.CompanyId.ToString("D"), closure.Kind.ToString(), Date(closure.PeriodStart), Date(closure.PeriodEnd),
            Date(closure.FiscalYearStart), Time(closure.ClosedAt), closure.ClosedBy?.ToString("D"), Integer(closure.ChainSequence));
        Record(text, "LAST", closure.LastDocumentNumber, closure.LastDocumentSequence is { } s ? Integer(s) : null, closure.LastDocumentFingerprint);
        foreach (var row in closure.PeriodRows) Row(text, "PERIOD", row);
        Total(text, "PERIOD-TOTAL", closure.PeriodTotals);
        foreach (var row in closure.CumulativeRows) Row(text, "CUMUL", row);
        Total(text, "CUMUL-TOTAL", closure.CumulativeTotals);
        Record(text, "PREVIOUS", closure.PreviousFingerprint);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string tag, ClosureTotalsRow row) =>
        Record(text, tag, row.DocumentType, DocumentFingerprint.Hundredths(row.VatRate), row.Category.Code(), Integer(row.Count),
            DocumentFingerprint.Cents(row.Base), DocumentFingerprint.Cents(row.Vat), DocumentFingerprint.Cents(row.TotalIncludingVat));

    private static void Total(StringBuilder text, string tag, ClosureGrandTotals totals) =>
        Record(text, tag, Integer(totals.Count), DocumentFingerprint.Cents(totals.Base), DocumentFingerprint.Cents(totals.Vat), DocumentFingerprint.Cents(totals.TotalIncludingVat));

    private static void Record(StringBuilder text, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) text.Append('|');
            var value = fields[i] ?? string.Empty;
            text.Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
                .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));
        }
        text.Append('\n');
    }

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly date) => DocumentFingerprint.Date(date);

    private static string? Time(DateTimeOffset time) => DocumentFingerprint.Time(time);
}
