using System.Globalization;
using System.Text;

namespace Koban.Domain.Accounting.Export;

/// <summary>
/// EBP Comptabilité "ASCII" entry import: one comma-separated line per entry line, code page 850, CRLF, no header.
/// <para>
/// UNVERIFIED layout. No EBP document describing it was reachable from here; the fields follow the third-party description
/// OpenFlyers, "Accounting export template Ebp" (https://doc-en-mirror.openflyers.com/Accounting-export-template-Ebp):
/// </para>
/// <list type="number">
/// <item>movement number (here EcritureNum), right-aligned on 5 characters (longer numbers are written in full);</item>
/// <item>date <c>ddMMyyyy</c>;</item>
/// <item>journal code;</item>
/// <item>account on 15 characters padded with spaces, commas removed (the auxiliary account when there is one);</item>
/// <item>empty (automatic label);</item>
/// <item>label on 40 characters, in double quotes (double quotes inside become single quotes);</item>
/// <item>piece reference on 15 characters, in double quotes;</item>
/// <item>amount with a decimal point and two decimals, zero-padded to 13 characters;</item>
/// <item>side <c>D</c> or <c>C</c>;</item>
/// <item>due date <c>ddMMyyyy</c> (Koban writes the piece date: entries carry no due date);</item>
/// <item>empty (currency).</item>
/// </list>
/// </summary>
public sealed class EbpWriter() : LineFileWriter(ExportEncodings.CodePage(850), "text/plain", "ibm850")
{
    protected override void AppendRow(StringBuilder line, ExportRow row)
    {
        var debit = row.Debit != 0m;
        var amount = Math.Abs(row.Debit - row.Credit);
        line.Append(row.EntryNumber.ToString(CultureInfo.InvariantCulture).PadLeft(5)).Append(',');
        line.Append(row.EntryDate.ToString("ddMMyyyy", CultureInfo.InvariantCulture)).Append(',');
        line.Append(Clean(row.JournalCode)).Append(',');
        AppendFixed(line, Clean(row.AuxiliaryAccount ?? row.Account), 15);
        line.Append(",,\"");
        AppendFixed(line, Quoted(row.Label), 40);
        line.Append("\",\"");
        AppendFixed(line, Quoted(row.PieceRef), 15);
        line.Append("\",");
        line.Append(amount.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(13, '0')).Append(',');
        line.Append(debit ? 'D' : 'C').Append(',');
        line.Append(row.PieceDate.ToString("ddMMyyyy", CultureInfo.InvariantCulture)).Append(',');
    }

    private static string Clean(string value) => value.Replace(",", string.Empty, StringComparison.Ordinal);

    private static string Quoted(string value) => value.Replace('"', '\'');
}
