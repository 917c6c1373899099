using System.Globalization;
using System.Text;

namespace Koban.Domain.Accounting.Export;

/// <summary>
/// Cegid Quadra (QuadraCOMPTA) "ASCII" import: one fixed-width line of 231 characters per entry line, starting with the type
/// <c>M</c> (mouvement), ISO-8859-15, CRLF, no header.
/// <para>
/// UNVERIFIED layout. The publisher's document ("Fichier d'entrée ASCII dans QuadraCOMPTA", which Dolibarr's
/// accountancyexport.class.php cites as docplayer.fr/20769649) was not reachable from here. The positions below follow two
/// third-party descriptions that agree with each other: OpenFlyers, "Accounting export template Quadratus"
/// (https://doc-en.openflyers.com/Accounting-export-template-Quadratus) and Medius, "Quadratus Export"
/// (https://expensesupport.medius.com/support/solutions/articles/103000338523-quadratus-export).
/// </para>
/// <list type="table">
/// <item><term>1</term><description>type <c>M</c></description></item>
/// <item><term>2–9 (8)</term><description>account: the auxiliary (customer) account when there is one, else the general account</description></item>
/// <item><term>10–11 (2)</term><description>journal code</description></item>
/// <item><term>12–14 (3)</term><description>folio <c>000</c></description></item>
/// <item><term>15–20 (6)</term><description>entry date <c>ddMMyy</c></description></item>
/// <item><term>21 (1)</term><description>label code (blank)</description></item>
/// <item><term>22–41 (20)</term><description>short label</description></item>
/// <item><term>42 (1)</term><description>side <c>D</c>/<c>C</c></description></item>
/// <item><term>43 (1)</term><description>sign <c>+</c></description></item>
/// <item><term>44–55 (12)</term><description>amount in cents, zero-padded</description></item>
/// <item><term>56–99 (44)</term><description>counterpart, due date, lettering, statistics, piece no., job code, quantity: blank</description></item>
/// <item><term>100–107 (8)</term><description>entry number (EcritureNum), zero-padded</description></item>
/// <item><term>108–110 (3)</term><description>currency code (<c>EUR</c>)</description></item>
/// <item><term>111–113 (3)</term><description>journal code</description></item>
/// <item><term>114–116 (3)</term><description>VAT flags (blank)</description></item>
/// <item><term>117–146 (30)</term><description>label</description></item>
/// <item><term>147–148 (2)</term><description>VAT code (blank)</description></item>
/// <item><term>149–158 (10)</term><description>alphanumeric piece reference</description></item>
/// <item><term>159–168 (10)</term><description>reserved (blank)</description></item>
/// <item><term>169 (1)</term><description>sign <c>+</c></description></item>
/// <item><term>170–181 (12)</term><description>amount in the currency, in cents</description></item>
/// <item><term>182–231 (50)</term><description>attachment, quantity 2, unique no., operator, system date: blank</description></item>
/// </list>
/// </summary>
public sealed class QuadratusWriter() : LineFileWriter(ExportEncodings.Get(ExportEncoding.Iso885915), "text/plain", "iso-8859-15")
{
    public const int LineLength = 231;

    protected override void AppendRow(StringBuilder line, ExportRow row)
    {
        var debit = row.Debit != 0m;
        var amount = debit ? row.Debit - row.Credit : row.Credit - row.Debit;
        var currencyAmount = row.CurrencyAmount is { } c ? Math.Abs(c) : amount;
        line.Append('M');
        AppendFixed(line, row.AuxiliaryAccount ?? row.Account, 8);
        AppendFixed(line, row.JournalCode, 2);
        line.Append("000");
        line.Append(row.EntryDate.ToString("ddMMyy", CultureInfo.InvariantCulture));
        line.Append(' ');
        AppendFixed(line, row.Label, 20);
        line.Append(debit ? 'D' : 'C');
        line.Append(amount < 0 ? '-' : '+');
        Cents(line, amount);
        line.Append(' ', 44);
        line.Append(Math.Clamp(row.EntryNumber, 0, 99_999_999).ToString("D8", CultureInfo.InvariantCulture));
        AppendFixed(line, row.CurrencyCode ?? "EUR", 3);
        AppendFixed(line, row.JournalCode, 3);
        line.Append(' ', 3);
        AppendFixed(line, row.Label, 30);
        line.Append(' ', 2);
        AppendFixed(line, row.PieceRef, 10);
        line.Append(' ', 10);
        line.Append(currencyAmount < 0 ? '-' : '+');
        Cents(line, currencyAmount);
        line.Append(' ', 50);
    }

    private static void Cents(StringBuilder line, decimal amount) =>
        line.Append(decimal.ToInt64(Math.Round(Math.Abs(amount) * 100m, MidpointRounding.AwayFromZero)).ToString("D12", CultureInfo.InvariantCulture));
}
