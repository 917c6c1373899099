namespace Koban.Domain.Accounting.Export;

/// <summary>The file layouts an accounting export can be written in.</summary>
public enum AccountingExportFormat
{
    /// <summary>
    /// FEC, the legal French "fichier des écritures comptables" (article A47 A-1 of the Livre des procédures fiscales):
    /// 18 columns, tab or pipe separated, ISO-8859-15 or UTF-8.
    /// </summary>
    Fec,

    /// <summary>
    /// Cegid Quadra (QuadraCOMPTA) "ASCII" import, fixed-width type-M lines. UNVERIFIED: the publisher's document
    /// ("Fichier d'entrée ASCII dans QuadraCOMPTA") was not reachable; the layout follows third-party descriptions
    /// (see <see cref="QuadratusWriter"/>).
    /// </summary>
    Quadratus,

    /// <summary>
    /// EBP Comptabilité "ASCII" import (comma separated, one line per entry line). UNVERIFIED: no EBP document was
    /// reachable; the layout follows a third-party description (see <see cref="EbpWriter"/>).
    /// </summary>
    Ebp,

    /// <summary>A CSV whose columns, separator, decimal mark, date format and encoding are configured (<see cref="CsvLayout"/>).</summary>
    Csv,
}

/// <summary>An account number an export writes, with the name that goes with it (the customer's, for an auxiliary account).</summary>
public sealed record ExportAccount(string Number, string Name);

public static class AccountingExportFormats
{
    /// <summary>A one-line description of each format, with its source and whether the layout was checked against it.</summary>
    public static string Describe(AccountingExportFormat format) => format switch
    {
        AccountingExportFormat.Fec => "FEC (fichier des écritures comptables, art. A47 A-1 LPF): 18 columns, tab or | separated, ISO-8859-15 or UTF-8.",
        AccountingExportFormat.Quadratus => "Cegid Quadra (QuadraCOMPTA) ASCII import, fixed-width type-M lines, ISO-8859-15. Unverified: follows third-party descriptions "
            + "(OpenFlyers \"Accounting export template Quadratus\", Medius \"Quadratus Export\"), not the publisher's document.",
        AccountingExportFormat.Ebp => "EBP Comptabilité ASCII import, comma separated, code page 850. Unverified: follows a third-party description "
            + "(OpenFlyers \"Accounting export template Ebp\"), not EBP's own document.",
        AccountingExportFormat.Csv => "Configurable CSV (columns, separator, decimal mark, date format, header, encoding), RFC 4180 quoting.",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>How many characters of an account number a format keeps (null: all of them): Quadratus's account field is 8
    /// characters (positions 2–9 of the type-M line), EBP's 15; the FEC and the CSV write the whole number.</summary>
    public static int? AccountWidth(AccountingExportFormat format) => format switch
    {
        AccountingExportFormat.Quadratus => 8,
        AccountingExportFormat.Ebp => 15,
        _ => null,
    };

    /// <summary>
    /// The accounts a format would merge: distinct account numbers (the auxiliary account of a customer line, else the general
    /// account) that become the same once cut to the format's width, in groups of two or more, each ordered by number.
    /// Empty for formats that keep whole numbers.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ExportAccount>> Clashes(AccountingExportFormat format, IEnumerable<ExportAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (AccountWidth(format) is not { } width) return [];
        return [.. accounts.DistinctBy(a => a.Number, StringComparer.Ordinal)
            .GroupBy(a => a.Number.Length > width ? a.Number[..width] : a.Number, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<ExportAccount>)[.. g.OrderBy(a => a.Number, StringComparer.Ordinal)])];
    }

    /// <summary>True for the layouts that could not be checked against the package publisher's own document.</summary>
    public static bool IsUnverified(AccountingExportFormat format) => format is AccountingExportFormat.Quadratus or AccountingExportFormat.Ebp;
}
