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

    /// <summary>True for the layouts that could not be checked against the package publisher's own document.</summary>
    public static bool IsUnverified(AccountingExportFormat format) => format is AccountingExportFormat.Quadratus or AccountingExportFormat.Ebp;
}
