using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Koban.Api.Features.Receivables;

/// <summary>What a statement prints: the seller and buyer blocks (the live company and customer: a statement is not a
/// frozen document), the figures, and the day it was printed.</summary>
public sealed record StatementPrintable(PrintableSeller Seller, PrintableBuyer Buyer, CustomerStatementResponse Statement, DateOnly PrintedOn);

/// <summary>
/// Lays out a customer statement on A4 pages with the document engine's fonts (<see cref="PdfFonts"/>), French formatting
/// (<see cref="FrenchFormat"/>) and the invoice template's accent colour, logo and footer, so it looks like the company's
/// invoices. It computes no money: every amount and balance arrives from <see cref="CustomerStatementHandler"/>.
/// The movements table repeats its header on each page; every page has the seller's identity and "Page n / N".
/// </summary>
public static class StatementPdf
{
    public const string Title = "Relevé de compte";

    public static byte[] Render(StatementPrintable printable, DocumentTemplateSettings template, byte[]? logo = null)
    {
        ArgumentNullException.ThrowIfNull(printable);
        ArgumentNullException.ThrowIfNull(template);
        using var pdf = PrintLayout.NewDocument($"{Title} {printable.Buyer.Name}", printable.Seller.LegalName, printable.Buyer.Name, printable.PrintedOn);
        new Layout(pdf, printable, template, logo).Draw();
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The statement's own blocks (period, summary, movements, open invoices, payment request) on the shared page
    /// mechanics of <see cref="PrintLayout"/>.</summary>
    private sealed class Layout(PdfDocument pdf, StatementPrintable p, DocumentTemplateSettings template, byte[]? logo)
        : PrintLayout(pdf, p.Seller, template, logo)
    {
        private static readonly XColor Late = XColor.FromArgb(170, 30, 30);

        private CustomerStatementResponse S => p.Statement;

        protected override string ContinuationTitle => $"{Title} — {p.Buyer.Name} (suite)";

        protected override string FooterCaption => $"{Title} — {p.Buyer.Name} — du {FrenchFormat.Date(S.From)} au {FrenchFormat.Date(S.To)}";

        protected override void DrawBody()
        {
            DrawHeader();
            DrawSummary();
            DrawMovements();
            DrawOpenInvoices();
            DrawPaymentDetails();
        }

        private void DrawHeader()
        {
            var leftWidth = Width * 0.52;
            var rightX = Margin + Width * 0.56;
            var rightWidth = Right - rightX;
            var y = DrawSellerBlock(leftWidth, printContact: false);

            var ry = Text(Title, TitleFont, Accent, rightX, Y, rightWidth) + 3;
            ry = LabelValue("Période :", $"du {FrenchFormat.Date(S.From)} au {FrenchFormat.Date(S.To)}", rightX, ry, rightWidth);
            ry = LabelValue("Édité le :", FrenchFormat.Date(p.PrintedOn), rightX, ry, rightWidth);
            if (S.AccountingCode is { } code) ry = LabelValue("Compte client :", code, rightX, ry, rightWidth);
            Y = Math.Max(y, ry) + Gap;

            DrawBuyerBox(p.Buyer, printVatNumber: false, printDeliveryAddress: false);
        }

        private void DrawSummary()
        {
            var rows = new List<(string Label, string Value, bool Strong)>
            {
                ($"Solde au {FrenchFormat.Date(S.From.AddDays(-1))}", Balance(S.OpeningBalance), false),
                ("Total débit de la période", FrenchFormat.Money(S.TotalDebit), false),
                ("Total crédit de la période", FrenchFormat.Money(S.TotalCredit), false),
                ($"Solde au {FrenchFormat.Date(S.To)}", Balance(S.ClosingBalance), true),
            };
            var lh = LineHeight(Body) + 2;
            Ensure(rows.Count * lh + Gap);
            Y = DrawAmountRows(rows, Y, lh, boxWidth: 260, labelWidth: 150, valueOffset: 120);
            Y += Gap;
        }

        private void DrawMovements()
        {
            Heading("Mouvements de la période");
            PdfColumn[] columns = [new("Date", 58, false), new("Pièce", 80, false), new("Libellé", 0, false), new("Échéance", 58, false), new("Débit", 66, true), new("Crédit", 66, true), new("Solde", 80, true)];
            columns[2] = columns[2] with { Width = Width - columns.Sum(c => c.Width) };
            Ensure(18 + 3 * LineHeight(Body));
            BeginTable(columns);
            Row(columns, ["", "", $"Solde au {FrenchFormat.Date(S.From.AddDays(-1))}", "", "", "", Balance(S.OpeningBalance)], bold: true);
            if (S.Lines.Count == 0) Row(columns, ["", "", "Aucun mouvement", "", "", "", ""]);
            foreach (var l in S.Lines)
            {
                Row(columns, [FrenchFormat.Date(l.Date), l.Reference, l.Label, l.DueDate is { } due ? FrenchFormat.Date(due) : "",
                    l.Debit == 0m ? "" : FrenchFormat.Money(l.Debit), l.Credit == 0m ? "" : FrenchFormat.Money(l.Credit), Balance(l.Balance)]);
            }
            Row(columns, ["", "", "Totaux de la période", "", FrenchFormat.Money(S.TotalDebit), FrenchFormat.Money(S.TotalCredit), ""], bold: true);
            Row(columns, ["", "", $"Solde au {FrenchFormat.Date(S.To)}", "", "", "", Balance(S.ClosingBalance)], bold: true);
            EndTable();
            Y += Gap;
        }

        private void DrawOpenInvoices()
        {
            Heading($"Factures restant dues au {FrenchFormat.Date(S.To)}");
            if (S.OpenInvoices.Count == 0)
            {
                Paragraph("Aucune facture en attente de règlement.", Body);
                Y += Gap / 2;
                return;
            }
            PdfColumn[] columns = [new("Facture", 0, false), new("Date", 58, false), new("Échéance", 58, false), new("Montant TTC", 76, true), new("Reste dû", 76, true), new("Retard", 70, true)];
            columns[0] = columns[0] with { Width = Width - columns.Sum(c => c.Width) };
            Ensure(18 + 3 * LineHeight(Body));
            BeginTable(columns);
            foreach (var o in S.OpenInvoices)
            {
                var late = o.DaysLate == 0 ? "non échue" : o.DaysLate == 1 ? "1 jour" : $"{o.DaysLate} jours";
                Row(columns, [o.Disputed ? $"{o.Number} (en litige)" : o.Number, FrenchFormat.Date(o.IssueDate), FrenchFormat.Date(o.DueDate), FrenchFormat.Money(o.Total),
                    FrenchFormat.Money(o.Outstanding), late], lateColumn: o.DaysLate > 0 ? 5 : null);
            }
            Row(columns, ["Total restant dû", "", "", "", FrenchFormat.Money(S.OpenInvoicesTotal), ""], bold: true);
            EndTable();
            Y += Gap;
        }

        private void DrawPaymentDetails()
        {
            if (S.ClosingBalance > 0m)
            {
                Paragraph($"Nous vous remercions de bien vouloir régler le solde de {FrenchFormat.Money(S.ClosingBalance)} dans les meilleurs délais, ou de nous signaler toute différence avec vos comptes.", Body);
            }
            else if (S.ClosingBalance < 0m)
            {
                Paragraph($"Votre compte présente un solde créditeur de {FrenchFormat.Money(-S.ClosingBalance)} en votre faveur, à imputer sur vos prochaines factures ou à rembourser sur demande.", Body);
            }
            if (Template.ShowBankDetails && p.Seller.Iban is not null)
            {
                Y += Gap / 2;
                Heading("Coordonnées bancaires");
                DrawBankDetailLines();
            }
        }

        /// <summary>A balance as the customer reads it: what it owes, or "… (créditeur)" when the company owes it.</summary>
        private static string Balance(decimal balance) => balance < 0m ? $"{FrenchFormat.Money(-balance)} (créditeur)".Replace(" (", $"{FrenchFormat.Space}(", StringComparison.Ordinal) : FrenchFormat.Money(balance);

        private void Row(PdfColumn[] columns, string[] cells, bool bold = false, int? lateColumn = null)
        {
            var font = bold ? BodyBold : Body;
            var lh = LineHeight(font);
            // Amounts (right-aligned) stay on one line, even if a huge one runs into its neighbour; text wraps.
            var wrapped = cells.Select((text, i) => columns[i].RightAligned ? [text] : Wrap(text, font, columns[i].Width - 6)).ToList();
            var height = wrapped.Max(w => w.Count) * lh + 3;
            Ensure(height);
            var x = Margin;
            for (var i = 0; i < columns.Length; i++)
            {
                var brush = new XSolidBrush(i == lateColumn ? Late : XColors.Black);
                var y = Y + 1;
                foreach (var part in wrapped[i])
                {
                    G.DrawString(part, font, brush, new XRect(x + 3, y, columns[i].Width - 6, lh), columns[i].RightAligned ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    y += lh;
                }
                x += columns[i].Width;
            }
            Y += height;
            G.DrawLine(new XPen(Rule, 0.4), Margin, Y, Right, Y);
            Y += 1;
        }

        private void Heading(string text) => Heading(text, LineHeight(BodyBold) * 3, 2);
    }
}
