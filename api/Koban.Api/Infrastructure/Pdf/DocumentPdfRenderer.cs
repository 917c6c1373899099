using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Koban.Api.Infrastructure.Documents;
using Koban.Domain.Companies;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Koban.Api.Infrastructure.Pdf;

/// <summary>
/// The one PDF engine of Koban: lays out a <see cref="PrintableDocument"/> on A4 pages with French formatting. It decides
/// nothing and computes no money: every amount, wording and date arrives decided and rounded.
/// Deterministic: the same input gives the same bytes (dates and identifiers come from the document, font subset tags and
/// XMP ids are fixed), so a validated document can be re-rendered and compared. Thread-safe: each call owns its document;
/// the font resolver is process-wide and set once.
/// </summary>
public static class DocumentPdfRenderer
{
    /// <summary>What stands for the number in a draft's file name: "Facture brouillon (aperçu).pdf".</summary>
    public const string DraftFileSuffix = "brouillon (aperçu)";

    public static byte[] Render(PrintableDocument document, DocumentTemplateSettings template, byte[]? logo = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(template);
        using var pdf = PrintLayout.NewDocument($"{document.Title} {document.Number ?? Layout.Draft}", document.Seller.LegalName, document.Buyer.Name, document.IssueDate);
        var identity = $"{document.Kind}|{document.Number ?? "draft"}|{document.IssueDate:yyyyMMdd}|{document.Seller.LegalName}|{document.Seller.Siren}|{document.Buyer.Name}";

        new Layout(pdf, document, template, logo).Draw();

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        var id = new string([.. hash.Take(16).Select(b => (char)b)]);
        pdf.Internals.FirstDocumentID = id;
        pdf.Internals.SecondDocumentID = id;
        FixFontSubsetTags(pdf);

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        var bytes = output.ToArray();
        FixXmpIds(bytes, new Guid(hash.AsSpan(16, 16)));
        return bytes;
    }

    /// <summary>PDFsharp tags subset fonts with six random letters (PDF 1.7 §9.6.4 only asks for six capitals); a fixed
    /// tag per face keeps the output reproducible. Each face is embedded once per document, so tags never collide.</summary>
    private static void FixFontSubsetTags(PdfDocument pdf)
    {
        foreach (var item in pdf.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dictionary) continue;
            foreach (var key in (string[])["/BaseFont", "/FontName"])
            {
                var name = dictionary.Elements.GetName(key);
                if (name.Length > 8 && name[7] == '+') dictionary.Elements.SetName(key, "/KOBANF" + name[7..]);
            }
        }
    }

    /// <summary>PDFsharp writes random XMP DocumentID/InstanceID GUIDs into the (uncompressed) metadata stream on save.
    /// They are replaced in place by a GUID derived from the document, same length, so no offset moves.</summary>
    private static void FixXmpIds(byte[] bytes, Guid stable)
    {
        var replacement = Encoding.ASCII.GetBytes(stable.ToString("D"));
        foreach (var marker in (string[])["<xmpMM:DocumentID>uuid:", "<xmpMM:InstanceID>uuid:"])
        {
            var pattern = Encoding.ASCII.GetBytes(marker);
            var at = bytes.AsSpan().IndexOf(pattern);
            if (at >= 0 && at + pattern.Length + replacement.Length <= bytes.Length)
            {
                replacement.CopyTo(bytes, at + pattern.Length);
            }
        }
    }

    /// <summary>One rendering: the document's own blocks (header, references, lines, totals, mentions) on the shared page
    /// mechanics of <see cref="PrintLayout"/>; footers carry the draft's preview mark.</summary>
    private sealed class Layout(PdfDocument pdf, PrintableDocument doc, DocumentTemplateSettings template, byte[]? logo)
        : PrintLayout(pdf, doc.Seller, template, logo)
    {
        public const string Draft = "BROUILLON";

        /// <summary>Across every page of a document without a number (a draft): a preview is never mistaken for the real one.</summary>
        public const string PreviewMark = "APERÇU — sans valeur";

        private static readonly XFont NumberFont = new(PdfFonts.Family, 11, XFontStyleEx.Bold);

        private readonly bool _noVat = doc.VatBreakdown.Count > 0 && doc.VatBreakdown.All(r => r.Category == VatCategory.Exempt && r.Vat == 0m);

        // A delivery note lists what is delivered, not what it costs, unless it asks to show its prices.
        private readonly bool _prices = doc.ShowPrices ?? doc.Kind != PrintableKind.DeliveryNote;
        private PdfColumn[] _columns = [];

        protected override string ContinuationTitle => $"{doc.Title} {doc.Number ?? Draft} (suite)";

        protected override string FooterCaption => $"{doc.Title} {(doc.Number is { } n ? $"n° {n}" : $"{Draft} · {PreviewMark}")}";

        protected override void DrawBody()
        {
            DrawHeader();
            DrawBuyerBox(doc.Buyer, printVatNumber: true, printDeliveryAddress: true);
            DrawReferences();
            Paragraph(string.IsNullOrWhiteSpace(doc.HeaderText) ? Template.HeaderText : doc.HeaderText, Body);
            DrawLines();
            DrawTotals();
            DrawMentions();
            DrawReceipt();
        }

        protected override void DrawOverPage(XGraphics g, PdfPage page)
        {
            if (doc.Number is null) DrawPreviewMark(g, page);
        }

        // ------------------------------------------------------------------ header

        private void DrawHeader()
        {
            var leftWidth = Width * 0.52;
            var rightX = Margin + Width * 0.56;
            var rightWidth = Right - rightX;
            var y = DrawSellerBlock(leftWidth, printContact: true);

            var ry = Y;
            ry = Text(doc.Title, TitleFont, Accent, rightX, ry, rightWidth);
            ry = Text(doc.Number is { } number ? $"N° {number}" : Draft, NumberFont, doc.Number is null ? XColor.FromArgb(180, 30, 30) : XColors.Black, rightX, ry + 2, rightWidth);
            ry += 3;
            ry = LabelValue($"{DateLabel()} :", FrenchFormat.Date(doc.IssueDate), rightX, ry, rightWidth);
            if (doc.SaleDate is { } sale && sale != doc.IssueDate) ry = LabelValue("Date de la vente ou de la prestation :", FrenchFormat.Date(sale), rightX, ry, rightWidth);
            if (doc.DueDate is { } due) ry = LabelValue("Date d'échéance :", FrenchFormat.Date(due), rightX, ry, rightWidth);
            if (doc.ValidUntil is { } valid) ry = LabelValue("Valable jusqu'au :", FrenchFormat.Date(valid), rightX, ry, rightWidth);

            Y = Math.Max(y, ry) + Gap;
        }

        private string DateLabel() => doc.Kind switch
        {
            PrintableKind.Quote => "Date du devis",
            PrintableKind.Order => "Date de commande",
            PrintableKind.CreditNote => "Date de l'avoir",
            PrintableKind.DeliveryNote => "Date",
            _ => "Date de facture",
        };

        private void DrawReferences()
        {
            var lines = new List<(string, string)>();
            foreach (var r in doc.References)
            {
                var text = r.Label + (string.IsNullOrWhiteSpace(r.Number) ? "" : $" n° {r.Number}") + (r.Date is { } date ? $" du {FrenchFormat.Date(date)}" : "");
                lines.Add(("", text));
            }
            if (!string.IsNullOrWhiteSpace(doc.CustomerReference)) lines.Add(("Votre référence (bon de commande) : ", doc.CustomerReference));
            if (!string.IsNullOrWhiteSpace(doc.OperationNature)) lines.Add(("Nature de l'opération : ", doc.OperationNature));
            if (!string.IsNullOrWhiteSpace(doc.CreditReasonText)) lines.Add(("Motif : ", doc.CreditReasonText));
            foreach (var (label, value) in lines)
            {
                var labelWidth = label.Length == 0 ? 0 : G.MeasureString(label, BodyBold).Width;
                var wrapped = Wrap(value, Body, Width - labelWidth);
                Ensure(wrapped.Count * LineHeight(Body));
                if (label.Length > 0) G.DrawString(label, BodyBold, XBrushes.Black, new XRect(Margin, Y, labelWidth, LineHeight(Body)), XStringFormats.TopLeft);
                foreach (var part in wrapped)
                {
                    G.DrawString(part, Body, XBrushes.Black, new XRect(Margin + labelWidth, Y, Width - labelWidth, LineHeight(Body)), XStringFormats.TopLeft);
                    Y += LineHeight(Body);
                }
            }
            if (lines.Count > 0) Y += Gap / 2;
        }

        // ------------------------------------------------------------------ lines

        private void DrawLines()
        {
            var priced = new List<PdfColumn> { new("Qté", 42, true), new("Unité", 44, false) };
            if (_prices)
            {
                priced.Add(new PdfColumn("PU HT", 62, true));
                priced.Add(new PdfColumn("Remise", 40, true));
                if (!_noVat) priced.Add(new PdfColumn("TVA", 36, true));
                priced.Add(new PdfColumn("Total HT", 72, true));
            }
            var description = Width - priced.Sum(c => c.Width);
            _columns = [new PdfColumn("Désignation", description, false), .. priced];

            Ensure(18 + 3 * LineHeight(Body));
            BeginTable(_columns);
            var firstRowOfPage = true;
            foreach (var line in doc.Lines)
            {
                if (line.PageBreakBefore && !firstRowOfPage) NewPage();
                DrawRow(line);
                firstRowOfPage = false;
            }
            EndTable();
            Y += Gap;
        }

        private void DrawRow(PrintableLine line)
        {
            var lh = LineHeight(Body);
            const double pad = 3;
            switch (line.Kind)
            {
                case LineKind.Title:
                    RowLines(Wrap(line.Description, BodyBold, Width - 8), BodyBold, XColors.Black, pad, background: Tint(Accent, 0.12));
                    return;
                case LineKind.Comment:
                    RowLines(Wrap(line.Description, Body, Width - 8), Body, Grey, pad);
                    return;
            }

            var description = line.IsDeduction ? $"Déduction : {line.Description}" : line.Description;
            var descWidth = _columns[0].Width - 6;
            var wrapped = Wrap(description, Body, descWidth);
            var index = 0;
            while (index < wrapped.Count)
            {
                var available = (int)Math.Floor((Bottom - Y - 2 * pad) / lh);
                var remaining = wrapped.Count - index;
                var freshPageFits = (int)Math.Floor((Bottom - FirstRowTop() - 2 * pad) / lh);
                if (available < Math.Min(remaining, freshPageFits))
                {
                    // The row fits on a fresh page but not here: move it whole; a row taller than a page is split.
                    if (available < 1 || remaining <= freshPageFits)
                    {
                        NewPage();
                        continue;
                    }
                }
                var take = Math.Min(available, remaining);
                var top = Y;
                var x = Margin + 3;
                for (var i = 0; i < take; i++)
                {
                    G.DrawString(wrapped[index + i], Body, line.IsDeduction ? new XSolidBrush(Grey) : XBrushes.Black, new XRect(x, top + pad + i * lh, descWidth, lh), XStringFormats.TopLeft);
                }
                if (index == 0) DrawAmounts(line, top + pad);
                Y = top + take * lh + 2 * pad;
                G.DrawLine(new XPen(Rule, 0.4), Margin, Y, Right, Y);
                index += take;
            }
        }

        private double FirstRowTop() => Margin + (PageCount >= 1 ? 16 : 0) + 18;

        private void DrawAmounts(PrintableLine line, double top)
        {
            var values = new List<string>
            {
                FrenchFormat.Quantity(line.Quantity),
                line.UnitCode is { } unit && UnitCode.IsKnown(unit) ? UnitCode.LabelOf(unit) : line.UnitCode ?? "",
            };
            if (_prices)
            {
                values.Add(FrenchFormat.UnitPrice(line.UnitPrice));
                values.Add(line.DiscountPercent == 0m ? "" : FrenchFormat.Percent(line.DiscountPercent));
                if (!_noVat) values.Add(FrenchFormat.Percent(line.VatRate));
                values.Add(FrenchFormat.Amount(line.Net));
            }
            var x = Margin + _columns[0].Width;
            for (var i = 0; i < values.Count; i++)
            {
                var c = _columns[i + 1];
                G.DrawString(values[i], Body, XBrushes.Black, new XRect(x + 3, top, c.Width - 6, LineHeight(Body)), c.RightAligned ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += c.Width;
            }
        }

        /// <summary>A full-width layout row (title, comment), split across pages when longer than the space left.</summary>
        private void RowLines(List<string> lines, XFont font, XColor color, double pad, XColor? background = null)
        {
            var lh = LineHeight(font);
            var index = 0;
            while (index < lines.Count)
            {
                var available = (int)Math.Floor((Bottom - Y - 2 * pad) / lh);
                if (available < Math.Min(lines.Count - index, 2))
                {
                    NewPage();
                    continue;
                }
                var take = Math.Min(available, lines.Count - index);
                var height = take * lh + 2 * pad;
                if (background is { } fill) G.DrawRectangle(new XSolidBrush(fill), Margin, Y, Width, height);
                for (var i = 0; i < take; i++)
                {
                    G.DrawString(lines[index + i], font, new XSolidBrush(color), new XRect(Margin + 3, Y + pad + i * lh, Width - 6, lh), XStringFormats.TopLeft);
                }
                Y += height;
                G.DrawLine(new XPen(Rule, 0.4), Margin, Y, Right, Y);
                index += take;
            }
        }

        // ------------------------------------------------------------------ totals

        private void DrawTotals()
        {
            if (!_prices) return;
            var lh = LineHeight(Body) + 3;
            var totals = new List<(string Label, string Value, bool Strong)>();
            if (_noVat)
            {
                totals.Add(("Total", FrenchFormat.Money(doc.TotalIncludingVat), true));
            }
            else if (doc.Kind == PrintableKind.DeliveryNote)
            {
                totals.Add(("Total HT", FrenchFormat.Money(doc.TotalExcludingVat), true));
            }
            else
            {
                totals.Add(("Total HT", FrenchFormat.Money(doc.TotalExcludingVat), false));
                totals.Add(("Total TVA", FrenchFormat.Money(doc.TotalVat), false));
                totals.Add(("Total TTC", FrenchFormat.Money(doc.TotalIncludingVat), true));
            }
            if (doc.Kind is PrintableKind.Invoice or PrintableKind.DepositInvoice) totals.Add(("Net à payer", FrenchFormat.Money(doc.AmountDue), true));
            else if (doc.Kind == PrintableKind.CreditNote && doc.AmountDue != doc.TotalIncludingVat) totals.Add(("Reste à rembourser ou imputer", FrenchFormat.Money(doc.AmountDue), true));

            var vatRows = _noVat ? [] : doc.VatBreakdown;
            var height = Math.Max(totals.Count * lh, vatRows.Count == 0 ? 0 : (vatRows.Count + 1) * lh) + 4;
            Ensure(height);
            var top = Y;

            if (vatRows.Count > 0)
            {
                double[] widths = [110, 80, 70];
                string[] headers = ["Taux de TVA", "Base HT", "Montant TVA"];
                var x = Margin;
                G.DrawRectangle(new XSolidBrush(Tint(Accent, 0.12)), Margin, top, widths.Sum(), lh);
                for (var i = 0; i < 3; i++)
                {
                    G.DrawString(headers[i], SmallBold, XBrushes.Black, new XRect(x + 3, top, widths[i] - 6, lh), i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
                    x += widths[i];
                }
                var y = top + lh;
                foreach (var row in vatRows)
                {
                    x = Margin;
                    string[] cells = [RateLabel(row), FrenchFormat.Money(row.Base), FrenchFormat.Money(row.Vat)];
                    for (var i = 0; i < 3; i++)
                    {
                        G.DrawString(cells[i], Body, XBrushes.Black, new XRect(x + 3, y, widths[i] - 6, lh), i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
                        x += widths[i];
                    }
                    y += lh;
                    G.DrawLine(new XPen(Rule, 0.4), Margin, y, Margin + widths.Sum(), y);
                }
            }

            DrawAmountRows(totals, top, lh, boxWidth: 220, labelWidth: 120, valueOffset: 110);
            Y = top + height + Gap;
        }

        private static string RateLabel(PrintableVatRow row) => row.Category switch
        {
            VatCategory.Standard => FrenchFormat.Percent(row.Rate),
            VatCategory.ReverseCharge => $"{FrenchFormat.Percent(row.Rate)} (autoliquidation)",
            VatCategory.IntraCommunitySupply => $"{FrenchFormat.Percent(row.Rate)} (exonéré, UE)",
            VatCategory.Export => $"{FrenchFormat.Percent(row.Rate)} (export)",
            VatCategory.OutsideScope => $"{FrenchFormat.Percent(row.Rate)} (hors champ)",
            VatCategory.Exempt => $"{FrenchFormat.Percent(row.Rate)} (exonéré)",
            _ => FrenchFormat.Percent(row.Rate),
        };

        // ------------------------------------------------------------------ mentions

        private void DrawMentions()
        {
            foreach (var note in doc.LegalNotes) Paragraph(note, BodyBold);
            if (doc.LegalNotes.Count > 0) Y += Gap / 2;

            var payment = new List<string>();
            if (doc.DueDate is { } due && doc.Kind is PrintableKind.Invoice or PrintableKind.DepositInvoice) payment.Add($"Date d'échéance : {FrenchFormat.Date(due)}");
            if (!string.IsNullOrWhiteSpace(doc.PaymentTermsText)) payment.Add($"Conditions de paiement : {doc.PaymentTermsText}");
            if (!string.IsNullOrWhiteSpace(doc.PaymentMethodText)) payment.Add($"Mode de paiement : {doc.PaymentMethodText}");
            if (!string.IsNullOrWhiteSpace(doc.EarlyPaymentDiscountText)) payment.Add($"Escompte : {doc.EarlyPaymentDiscountText}");
            if (doc.LatePaymentPenaltyRate is { } rate)
            {
                payment.Add($"Pénalités de retard : taux annuel de {FrenchFormat.Percent(rate)}, exigibles dès le lendemain de la date d'échéance.");
            }
            if (doc.RecoveryIndemnity)
            {
                payment.Add("Indemnité forfaitaire pour frais de recouvrement : 40 € (art. L441-10 et D441-5 du Code de commerce)".Replace(" €", $"{FrenchFormat.Space}€", StringComparison.Ordinal));
            }
            if (payment.Count > 0)
            {
                Heading("Paiement");
                foreach (var p in payment) Paragraph(p, Body);
                Y += Gap / 2;
            }

            if (Template.ShowBankDetails && (doc.Seller.Iban is not null || doc.Seller.Bic is not null))
            {
                Heading("Coordonnées bancaires");
                DrawBankDetailLines();
                Y += Gap / 2;
            }

            if (!string.IsNullOrWhiteSpace(doc.Comment))
            {
                Paragraph(doc.Comment, Body);
                Y += Gap / 2;
            }

            var footer = string.IsNullOrWhiteSpace(doc.FooterText) ? null : doc.FooterText;
            if (footer is not null) Paragraph(footer, Body);

            if (!string.IsNullOrWhiteSpace(Template.TermsAndConditions))
            {
                Heading("Conditions générales");
                Paragraph(Template.TermsAndConditions, Small);
            }
        }

        private void Heading(string text) => Heading(text, LineHeight(BodyBold) * 2 + 2, 1);

        /// <summary>A delivery note's reception: planned and actual dates, who received it, remarks, and a box to sign in.</summary>
        private void DrawReceipt()
        {
            if (doc.Receipt is not { } receipt) return;
            Heading("Réception");
            if (receipt.PlannedDate is { } planned) Paragraph($"Livraison prévue le : {FrenchFormat.Date(planned)}", Body);
            Paragraph($"Livré le : {(receipt.DeliveredOn is { } delivered ? FrenchFormat.Date(delivered) : "....................")}", Body);
            Paragraph($"Reçu par : {(string.IsNullOrWhiteSpace(receipt.ReceivedBy) ? "...................................................." : receipt.ReceivedBy)}", Body);
            if (!string.IsNullOrWhiteSpace(receipt.Remarks)) Paragraph($"Réserves / remarques : {receipt.Remarks}", Body);
            const double boxHeight = 60;
            Ensure(boxHeight + LineHeight(Small) + Gap);
            G.DrawString("Signature du destinataire (précédée de la mention « reçu conforme ») :", Small, XBrushes.Black, new XRect(Margin, Y, Width, LineHeight(Small)), XStringFormats.TopLeft);
            Y += LineHeight(Small) + 2;
            G.DrawRectangle(new XPen(Rule, 0.6), Margin, Y, Width * 0.5, boxHeight);
            Y += boxHeight + Gap;
        }

        /// <summary>
        /// The diagonal watermark of a draft, translucent so the content stays readable under it. Its letters are drawn as
        /// strokes, not text: a text extractor (or a screen reader) reads the page as it is, and the readable mark is the
        /// footer's <see cref="PreviewMark"/>.
        /// </summary>
        private static void DrawPreviewMark(XGraphics g, PdfPage page)
        {
            var centre = new XPoint(page.Width.Point / 2, page.Height.Point / 2);
            var state = g.Save();
            // Rising from the bottom-left corner to the top-right one.
            g.RotateAtTransform(-Math.Atan2(page.Height.Point, page.Width.Point) * 180 / Math.PI, centre);
            StrokeLetters.Draw(g, "APERÇU", centre.X, centre.Y - 50, 13, 7);
            StrokeLetters.Draw(g, "SANS VALEUR", centre.X, centre.Y + 45, 6.5, 4);
            g.Restore(state);
        }
    }

    /// <summary>A few capital letters as polylines on a 4 × 6 grid (y downwards), enough for the preview watermark.</summary>
    private static class StrokeLetters
    {
        private static readonly Dictionary<char, double[][]> Glyphs = new()
        {
            ['A'] = [[0, 6, 0, 2, 2, 0, 4, 2, 4, 6], [0, 3.6, 4, 3.6]],
            ['P'] = [[0, 6, 0, 0, 3, 0, 4, 1, 4, 2, 3, 3, 0, 3]],
            ['E'] = [[4, 0, 0, 0, 0, 6, 4, 6], [0, 3, 3, 3]],
            ['R'] = [[0, 6, 0, 0, 3, 0, 4, 1, 4, 2, 3, 3, 0, 3], [2, 3, 4, 6]],
            ['Ç'] = [[4, 0, 1, 0, 0, 1, 0, 5, 1, 6, 4, 6], [2, 6, 2.4, 6.8, 1.4, 7.4]],
            ['U'] = [[0, 0, 0, 5, 1, 6, 3, 6, 4, 5, 4, 0]],
            ['S'] = [[4, 0, 1, 0, 0, 1, 0, 2, 1, 3, 3, 3, 4, 4, 4, 5, 3, 6, 0, 6]],
            ['N'] = [[0, 6, 0, 0, 4, 6, 4, 0]],
            ['V'] = [[0, 0, 2, 6, 4, 0]],
            ['L'] = [[0, 0, 0, 6, 4, 6]],
            [' '] = [],
        };

        /// <summary>Centred on (<paramref name="x"/>, <paramref name="y"/>), one grid unit = <paramref name="unit"/> points.</summary>
        public static void Draw(XGraphics g, string text, double x, double y, double unit, double width)
        {
            var pen = new XPen(XColor.FromArgb(60, 180, 30, 30), width) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };
            var advance = 6 * unit;
            var left = x - (text.Length * advance - 2 * unit) / 2;
            var top = y - 3 * unit;
            for (var i = 0; i < text.Length; i++)
            {
                foreach (var stroke in Glyphs[text[i]])
                {
                    var points = new XPoint[stroke.Length / 2];
                    for (var p = 0; p < points.Length; p++) points[p] = new XPoint(left + i * advance + stroke[2 * p] * unit, top + stroke[2 * p + 1] * unit);
                    g.DrawLines(pen, points);
                }
            }
        }
    }
}
