using System.Globalization;
using System.Text;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Domain.Companies;
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
        PdfFonts.EnsureRegistered();
        using var pdf = new PdfDocument();
        var created = printable.PrintedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        pdf.Info.Title = $"{Title} {printable.Buyer.Name}";
        pdf.Info.Author = printable.Seller.LegalName;
        pdf.Info.Subject = printable.Buyer.Name;
        pdf.Info.Creator = "Koban";
        pdf.Info.CreationDate = created;
        pdf.Info.ModificationDate = created;
        pdf.Language = "fr-FR";
        new Layout(pdf, printable, template, logo).Draw();
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    private sealed class Layout(PdfDocument pdf, StatementPrintable p, DocumentTemplateSettings template, byte[]? logo)
    {
        private const double Margin = 40;
        private const double Gap = 10;
        private static readonly XFont Body = new(PdfFonts.Family, 8.5);
        private static readonly XFont BodyBold = new(PdfFonts.Family, 8.5, XFontStyleEx.Bold);
        private static readonly XFont Small = new(PdfFonts.Family, 7);
        private static readonly XFont SmallBold = new(PdfFonts.Family, 7, XFontStyleEx.Bold);
        private static readonly XFont TitleFont = new(PdfFonts.Family, 18, XFontStyleEx.Bold);
        private static readonly XFont SellerFont = new(PdfFonts.Family, 10, XFontStyleEx.Bold);
        private static readonly XColor Grey = XColor.FromArgb(90, 90, 90);
        private static readonly XColor Rule = XColor.FromArgb(200, 200, 200);
        private static readonly XColor Late = XColor.FromArgb(170, 30, 30);

        private readonly XColor _accent = ParseColor(template.AccentColor);
        private readonly List<PdfPage> _pages = [];
        private CustomerStatementResponse S => p.Statement;
        private PdfPage _page = null!;
        private XGraphics _g = null!;
        private double _y;
        private double _bottom;
        private Column[]? _table;

        private sealed record Column(string Title, double Width, bool Right);

        private double Width => _page.Width.Point - 2 * Margin;
        private double RightEdge => _page.Width.Point - Margin;

        public void Draw()
        {
            NewPage();
            _bottom = _page.Height.Point - Margin - FooterHeight() - Gap;
            DrawHeader();
            DrawSummary();
            DrawMovements();
            DrawOpenInvoices();
            DrawPaymentDetails();
            _g.Dispose();
            DrawFooters();
        }

        private void NewPage()
        {
            _g?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _pages.Add(_page);
            _g = XGraphics.FromPdfPage(_page);
            _y = Margin;
            if (_pages.Count > 1)
            {
                _g.DrawString($"{Title} — {p.Buyer.Name} (suite)", SmallBold, new XSolidBrush(Grey), new XRect(Margin, _y, Width, 10), XStringFormats.TopLeft);
                _y += 16;
            }
            if (_table is not null) DrawTableHeader(_table);
        }

        private void Ensure(double height)
        {
            if (_y + height > _bottom) NewPage();
        }

        private void DrawHeader()
        {
            var leftWidth = Width * 0.52;
            var rightX = Margin + Width * 0.56;
            var rightWidth = RightEdge - rightX;
            var y = _y;
            if (template.ShowLogo && logo is { Length: > 0 } && TryImage(logo) is { } image)
            {
                using (image)
                {
                    var scale = Math.Min(1, Math.Min(170 / image.PointWidth, 60 / image.PointHeight));
                    _g.DrawImage(image, Margin, y, image.PointWidth * scale, image.PointHeight * scale);
                    y += image.PointHeight * scale + 8;
                }
            }
            var s = p.Seller;
            y = Text(LegalFormText.NameWithForm(s.LegalName, s.LegalForm), SellerFont, XColors.Black, Margin, y, leftWidth);
            foreach (var line in AddressLines(s.Address)) y = Text(line, Body, XColors.Black, Margin, y, leftWidth);
            if (s.VatNumber is { } vat) y = Text($"N° TVA intracommunautaire : {vat}", Body, Grey, Margin, y, leftWidth);

            var ry = Text(Title, TitleFont, _accent, rightX, _y, rightWidth) + 3;
            ry = LabelValue("Période :", $"du {FrenchFormat.Date(S.From)} au {FrenchFormat.Date(S.To)}", rightX, ry, rightWidth);
            ry = LabelValue("Édité le :", FrenchFormat.Date(p.PrintedOn), rightX, ry, rightWidth);
            if (S.AccountingCode is { } code) ry = LabelValue("Compte client :", code, rightX, ry, rightWidth);
            _y = Math.Max(y, ry) + Gap;

            var b = p.Buyer;
            var lines = new List<(string, XFont, XColor)> { ("Client", Small, Grey), (b.Name, BodyBold, XColors.Black) };
            if (b.ContactName is { } contact) lines.Add(($"À l'attention de {contact}", Body, XColors.Black));
            lines.AddRange(AddressLines(b.BillingAddress).Select(l => (l, Body, XColors.Black)));
            if (b.Siren is { } siren) lines.Add(($"SIREN : {FrenchFormat.Siren(siren)}", Body, Grey));
            var height = lines.Sum(l => LineHeight(l.Item2) * Wrap(l.Item1, l.Item2, rightWidth - 16).Count) + 12;
            _g.DrawRoundedRectangle(new XPen(_accent, 0.8), rightX, _y, rightWidth, height, 6, 6);
            var by = _y + 6;
            foreach (var (text, font, color) in lines) by = Text(text, font, color, rightX + 8, by, rightWidth - 16);
            _y += height + Gap;
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
            var boxX = RightEdge - 260;
            foreach (var (label, value, strong) in rows)
            {
                if (strong) _g.DrawRectangle(new XSolidBrush(Tint(_accent, 0.15)), boxX, _y, 260, lh);
                var font = strong ? BodyBold : Body;
                _g.DrawString(label, font, XBrushes.Black, new XRect(boxX + 6, _y, 150, lh), XStringFormats.CenterLeft);
                _g.DrawString(value, font, XBrushes.Black, new XRect(boxX + 120, _y, 134, lh), XStringFormats.CenterRight);
                _y += lh;
            }
            _y += Gap;
        }

        private void DrawMovements()
        {
            Heading("Mouvements de la période");
            Column[] columns = [new("Date", 58, false), new("Pièce", 80, false), new("Libellé", 0, false), new("Échéance", 58, false), new("Débit", 66, true), new("Crédit", 66, true), new("Solde", 80, true)];
            columns[2] = columns[2] with { Width = Width - columns.Sum(c => c.Width) };
            Ensure(18 + 3 * LineHeight(Body));
            _table = columns;
            DrawTableHeader(columns);
            Row(columns, ["", "", $"Solde au {FrenchFormat.Date(S.From.AddDays(-1))}", "", "", "", Balance(S.OpeningBalance)], bold: true);
            if (S.Lines.Count == 0) Row(columns, ["", "", "Aucun mouvement", "", "", "", ""]);
            foreach (var l in S.Lines)
            {
                Row(columns, [FrenchFormat.Date(l.Date), l.Reference, l.Label, l.DueDate is { } due ? FrenchFormat.Date(due) : "",
                    l.Debit == 0m ? "" : FrenchFormat.Money(l.Debit), l.Credit == 0m ? "" : FrenchFormat.Money(l.Credit), Balance(l.Balance)]);
            }
            Row(columns, ["", "", "Totaux de la période", "", FrenchFormat.Money(S.TotalDebit), FrenchFormat.Money(S.TotalCredit), ""], bold: true);
            Row(columns, ["", "", $"Solde au {FrenchFormat.Date(S.To)}", "", "", "", Balance(S.ClosingBalance)], bold: true);
            _table = null;
            _y += Gap;
        }

        private void DrawOpenInvoices()
        {
            Heading($"Factures restant dues au {FrenchFormat.Date(S.To)}");
            if (S.OpenInvoices.Count == 0)
            {
                Paragraph("Aucune facture en attente de règlement.", Body);
                _y += Gap / 2;
                return;
            }
            Column[] columns = [new("Facture", 0, false), new("Date", 58, false), new("Échéance", 58, false), new("Montant TTC", 76, true), new("Reste dû", 76, true), new("Retard", 70, true)];
            columns[0] = columns[0] with { Width = Width - columns.Sum(c => c.Width) };
            Ensure(18 + 3 * LineHeight(Body));
            _table = columns;
            DrawTableHeader(columns);
            foreach (var o in S.OpenInvoices)
            {
                var late = o.DaysLate == 0 ? "non échue" : o.DaysLate == 1 ? "1 jour" : $"{o.DaysLate} jours";
                Row(columns, [o.Disputed ? $"{o.Number} (en litige)" : o.Number, FrenchFormat.Date(o.IssueDate), FrenchFormat.Date(o.DueDate), FrenchFormat.Money(o.Total),
                    FrenchFormat.Money(o.Outstanding), late], lateColumn: o.DaysLate > 0 ? 5 : null);
            }
            Row(columns, ["Total restant dû", "", "", "", FrenchFormat.Money(S.OpenInvoicesTotal), ""], bold: true);
            _table = null;
            _y += Gap;
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
            if (template.ShowBankDetails && p.Seller.Iban is { } iban)
            {
                _y += Gap / 2;
                Heading("Coordonnées bancaires");
                Paragraph($"IBAN : {FrenchFormat.Iban(iban)}", Body);
                if (p.Seller.Bic is { } bic) Paragraph($"BIC : {bic}", Body);
                Paragraph($"Titulaire : {p.Seller.LegalName}", Body);
            }
        }

        /// <summary>A balance as the customer reads it: what it owes, or "… (créditeur)" when the company owes it.</summary>
        private static string Balance(decimal balance) => balance < 0m ? $"{FrenchFormat.Money(-balance)} (créditeur)".Replace(" (", $"{FrenchFormat.Space}(", StringComparison.Ordinal) : FrenchFormat.Money(balance);

        private void DrawTableHeader(Column[] columns)
        {
            const double height = 16;
            _g.DrawRectangle(new XSolidBrush(_accent), Margin, _y, Width, height);
            var x = Margin;
            foreach (var c in columns)
            {
                _g.DrawString(c.Title, SmallBold, XBrushes.White, new XRect(x + 3, _y, c.Width - 6, height), c.Right ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
                x += c.Width;
            }
            _y += height + 2;
        }

        private void Row(Column[] columns, string[] cells, bool bold = false, int? lateColumn = null)
        {
            var font = bold ? BodyBold : Body;
            var lh = LineHeight(font);
            // Amounts (right-aligned) stay on one line, even if a huge one runs into its neighbour; text wraps.
            var wrapped = cells.Select((text, i) => columns[i].Right ? [text] : Wrap(text, font, columns[i].Width - 6)).ToList();
            var height = wrapped.Max(w => w.Count) * lh + 3;
            Ensure(height);
            var x = Margin;
            for (var i = 0; i < columns.Length; i++)
            {
                var brush = new XSolidBrush(i == lateColumn ? Late : XColors.Black);
                var y = _y + 1;
                foreach (var part in wrapped[i])
                {
                    _g.DrawString(part, font, brush, new XRect(x + 3, y, columns[i].Width - 6, lh), columns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    y += lh;
                }
                x += columns[i].Width;
            }
            _y += height;
            _g.DrawLine(new XPen(Rule, 0.4), Margin, _y, RightEdge, _y);
            _y += 1;
        }

        private void Heading(string text)
        {
            Ensure(LineHeight(BodyBold) * 3);
            _g.DrawString(text, BodyBold, new XSolidBrush(_accent), new XRect(Margin, _y, Width, LineHeight(BodyBold)), XStringFormats.TopLeft);
            _y += LineHeight(BodyBold) + 2;
        }

        private void Paragraph(string text, XFont font)
        {
            foreach (var line in Wrap(text, font, Width))
            {
                Ensure(LineHeight(font));
                _g.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, LineHeight(font)), XStringFormats.TopLeft);
                _y += LineHeight(font);
            }
            _y += 2;
        }

        private List<string> FooterLines(XGraphics g)
        {
            var lines = new List<string>();
            if (!string.IsNullOrWhiteSpace(template.FooterText)) lines.AddRange(Wrap(template.FooterText, Small, Width, g));
            lines.AddRange(Wrap(IdentityLine(), Small, Width, g));
            return lines;
        }

        private double FooterHeight() => FooterLines(_g).Count * LineHeight(Small) + 6 + LineHeight(Small) + 4;

        private string IdentityLine()
        {
            var s = p.Seller;
            var (name, capital) = PrintableParts.NameAndCapital(s);
            var parts = new List<string> { capital is null ? name : $"{name} {Unbreakable(capital)}" };
            if (s.Address is { } a) parts.Add($"Siège : {string.Join(", ", AddressLines(a))}");
            if (s.Siren is { } siren) parts.Add(Unbreakable(s.RcsCity is { } city ? $"RCS {city} {FrenchFormat.Siren(siren)}" : $"SIREN {FrenchFormat.Siren(siren)}"));
            if (s.VatNumber is { } vat) parts.Add(Unbreakable($"N° TVA {vat}"));
            return string.Join(" – ", parts);
        }

        private void DrawFooters()
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var page = _pages[i];
                using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var lines = FooterLines(g);
                var lh = LineHeight(Small);
                var width = page.Width.Point - 2 * Margin;
                var y = page.Height.Point - Margin - (lines.Count * lh + 6 + lh);
                g.DrawLine(new XPen(Rule, 0.5), Margin, y, Margin + width, y);
                y += 4;
                foreach (var text in lines)
                {
                    g.DrawString(text, Small, new XSolidBrush(Grey), new XRect(Margin, y, width, lh), XStringFormats.TopCenter);
                    y += lh;
                }
                y += 2;
                g.DrawString($"{Title} — {p.Buyer.Name} — du {FrenchFormat.Date(S.From)} au {FrenchFormat.Date(S.To)}", SmallBold, XBrushes.Black, new XRect(Margin, y, width - 70, lh), XStringFormats.TopLeft);
                g.DrawString($"Page {i + 1} / {_pages.Count}", SmallBold, XBrushes.Black, new XRect(Margin, y, width, lh), XStringFormats.TopRight);
            }
        }

        private static double LineHeight(XFont font) => font.Size * 1.3;

        private static string Unbreakable(string text) => text.Replace(' ', FrenchFormat.Space);

        private double Text(string text, XFont font, XColor color, double x, double y, double width)
        {
            foreach (var line in Wrap(text, font, width))
            {
                _g.DrawString(line, font, new XSolidBrush(color), new XRect(x, y, width, LineHeight(font)), XStringFormats.TopLeft);
                y += LineHeight(font);
            }
            return y;
        }

        private double LabelValue(string label, string value, double x, double y, double width)
        {
            var labelWidth = _g.MeasureString(label + " ", Body).Width;
            _g.DrawString(label, Body, new XSolidBrush(Grey), new XRect(x, y, labelWidth, LineHeight(Body)), XStringFormats.TopLeft);
            _g.DrawString(value, BodyBold, XBrushes.Black, new XRect(x + labelWidth, y, Math.Max(width - labelWidth, 10), LineHeight(Body)), XStringFormats.TopLeft);
            return y + LineHeight(Body);
        }

        private static IEnumerable<string> AddressLines(PostalAddress? address)
        {
            if (address is null) yield break;
            yield return address.Line1;
            if (!string.IsNullOrWhiteSpace(address.Line2)) yield return address.Line2;
            yield return $"{address.PostalCode} {address.City}".Trim();
            if (address.CountryCode != "FR") yield return FrenchFormat.Country(address.CountryCode);
        }

        private List<string> Wrap(string text, XFont font, double width) => Wrap(text, font, width, _g);

        /// <summary>Lines that fit <paramref name="width"/>: broken between words, inside a word only when it alone is too wide.</summary>
        private static List<string> Wrap(string text, XFont font, double width, XGraphics g)
        {
            var result = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = new StringBuilder();
                foreach (var word in paragraph.Split(' '))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (g.MeasureString(candidate, font).Width <= width)
                    {
                        line.Clear().Append(candidate);
                        continue;
                    }
                    if (line.Length > 0)
                    {
                        result.Add(line.ToString());
                        line.Clear();
                    }
                    var rest = word;
                    while (rest.Length > 1 && g.MeasureString(rest, font).Width > width)
                    {
                        var cut = rest.Length - 1;
                        while (cut > 1 && g.MeasureString(rest[..cut], font).Width > width) cut--;
                        result.Add(rest[..cut]);
                        rest = rest[cut..];
                    }
                    line.Append(rest);
                }
                result.Add(line.ToString());
            }
            return result;
        }

        private static XImage? TryImage(byte[] bytes)
        {
            try
            {
                return XImage.FromStream(new MemoryStream(bytes, writable: false));
            }
#pragma warning disable CA1031 // A logo PDFsharp cannot decode is left out rather than failing the statement.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }

        private static XColor ParseColor(string? hex)
        {
            if (hex is { Length: 7 } && hex[0] == '#' && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
                return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
            return ParseColor(DocumentTemplateSettings.DefaultAccentColor);
        }

        private static XColor Tint(XColor color, double strength) => XColor.FromArgb(
            (int)Math.Round(255 - (255 - color.R) * strength),
            (int)Math.Round(255 - (255 - color.G) * strength),
            (int)Math.Round(255 - (255 - color.B) * strength));
    }
}
