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
    /// <summary>The text the document ID and the fixed identifiers derive from, so they change only with the document.</summary>
    private const string Producer = "Koban";

    /// <summary>What stands for the number in a draft's file name: "Facture brouillon (aperçu).pdf".</summary>
    public const string DraftFileSuffix = "brouillon (aperçu)";

    public static byte[] Render(PrintableDocument document, DocumentTemplateSettings template, byte[]? logo = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(template);
        PdfFonts.EnsureRegistered();

        using var pdf = new PdfDocument();
        var identity = $"{document.Kind}|{document.Number ?? "draft"}|{document.IssueDate:yyyyMMdd}|{document.Seller.LegalName}|{document.Seller.Siren}|{document.Buyer.Name}";
        var created = document.IssueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        pdf.Info.Title = $"{document.Title} {document.Number ?? Layout.Draft}";
        pdf.Info.Author = document.Seller.LegalName;
        pdf.Info.Subject = document.Buyer.Name;
        pdf.Info.Creator = Producer;
        pdf.Info.CreationDate = created;
        pdf.Info.ModificationDate = created;
        pdf.Language = "fr-FR";

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

    /// <summary>One rendering: pages, a cursor and the fonts. Pages are drawn top-down; footers (with "Page n / N") are
    /// added at the end, when the page count is known.</summary>
    private sealed class Layout(PdfDocument pdf, PrintableDocument doc, DocumentTemplateSettings template, byte[]? logo)
    {
        public const string Draft = "BROUILLON";

        /// <summary>Across every page of a document without a number (a draft): a preview is never mistaken for the real one.</summary>
        public const string PreviewMark = "APERÇU — sans valeur";
        private static readonly XFont PreviewFont = new(PdfFonts.Family, 54, XFontStyleEx.Bold);

        private const double Margin = 40;
        private const double Gap = 10;
        private static readonly XFont Body = new(PdfFonts.Family, 8.5);
        private static readonly XFont BodyBold = new(PdfFonts.Family, 8.5, XFontStyleEx.Bold);
        private static readonly XFont Small = new(PdfFonts.Family, 7);
        private static readonly XFont SmallBold = new(PdfFonts.Family, 7, XFontStyleEx.Bold);
        private static readonly XFont TitleFont = new(PdfFonts.Family, 18, XFontStyleEx.Bold);
        private static readonly XFont NumberFont = new(PdfFonts.Family, 11, XFontStyleEx.Bold);
        private static readonly XFont SellerFont = new(PdfFonts.Family, 10, XFontStyleEx.Bold);
        private static readonly XColor Grey = XColor.FromArgb(90, 90, 90);
        private static readonly XColor Rule = XColor.FromArgb(200, 200, 200);

        private readonly XColor _accent = ParseColor(template.AccentColor);
        private readonly List<PdfPage> _pages = [];
        private readonly bool _noVat = doc.VatBreakdown.Count > 0 && doc.VatBreakdown.All(r => r.Category == VatCategory.Exempt && r.Vat == 0m);

        // A delivery note lists what is delivered, not what it costs.
        private readonly bool _prices = doc.Kind != PrintableKind.DeliveryNote;
        private XGraphics _g = null!;
        private double _y;
        private double _bottom;
        private Column[] _columns = [];
        private bool _inTable;

        private double Width => _page.Width.Point - 2 * Margin;
        private double Right => _page.Width.Point - Margin;
        private PdfPage _page = null!;

        public void Draw()
        {
            NewPage();
            _bottom = _page.Height.Point - Margin - FooterHeight() - Gap;
            DrawHeader();
            DrawBuyer();
            DrawReferences();
            Paragraph(string.IsNullOrWhiteSpace(doc.HeaderText) ? template.HeaderText : doc.HeaderText, Body);
            DrawLines();
            DrawTotals();
            DrawMentions();
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
                // Continuation pages name the document at the top too, so a loose page is never anonymous.
                _g.DrawString($"{doc.Title} {doc.Number ?? Draft} (suite)", SmallBold, new XSolidBrush(Grey), new XRect(Margin, _y, Width, 10), XStringFormats.TopLeft);
                _y += 16;
            }
            if (_inTable) DrawTableHeader();
        }

        private void Ensure(double height)
        {
            if (_y + height > _bottom) NewPage();
        }

        // ------------------------------------------------------------------ header

        private void DrawHeader()
        {
            var leftWidth = Width * 0.52;
            var rightX = Margin + Width * 0.56;
            var rightWidth = Right - rightX;
            var left = Margin;

            var y = _y;
            if (template.ShowLogo && logo is { Length: > 0 } && TryImage(logo) is { } image)
            {
                using (image)
                {
                    var scale = Math.Min(170 / image.PointWidth, 60 / image.PointHeight);
                    scale = Math.Min(scale, 1);
                    _g.DrawImage(image, left, y, image.PointWidth * scale, image.PointHeight * scale);
                    y += image.PointHeight * scale + 8;
                }
            }

            var s = doc.Seller;
            y = Text(LegalFormText.NameWithForm(s.LegalName, s.LegalForm), SellerFont, XColors.Black, left, y, leftWidth);
            foreach (var line in AddressLines(s.Address)) y = Text(line, Body, XColors.Black, left, y, leftWidth);
            var contact = string.Join("  ·  ", new[] { s.Phone is { } p ? $"Tél. {p}" : null, s.Email }.Where(x => !string.IsNullOrWhiteSpace(x)));
            if (contact.Length > 0) y = Text(contact, Body, Grey, left, y, leftWidth);
            if (s.VatNumber is { } vat) y = Text($"N° TVA intracommunautaire : {vat}", Body, Grey, left, y, leftWidth);

            var ry = _y;
            ry = Text(doc.Title, TitleFont, _accent, rightX, ry, rightWidth);
            ry = Text(doc.Number is { } number ? $"N° {number}" : Draft, NumberFont, doc.Number is null ? XColor.FromArgb(180, 30, 30) : XColors.Black, rightX, ry + 2, rightWidth);
            ry += 3;
            ry = LabelValue($"{DateLabel()} :", FrenchFormat.Date(doc.IssueDate), rightX, ry, rightWidth);
            if (doc.SaleDate is { } sale && sale != doc.IssueDate) ry = LabelValue("Date de la vente ou de la prestation :", FrenchFormat.Date(sale), rightX, ry, rightWidth);
            if (doc.DueDate is { } due) ry = LabelValue("Date d'échéance :", FrenchFormat.Date(due), rightX, ry, rightWidth);
            if (doc.ValidUntil is { } valid) ry = LabelValue("Valable jusqu'au :", FrenchFormat.Date(valid), rightX, ry, rightWidth);

            _y = Math.Max(y, ry) + Gap;
        }

        private string DateLabel() => doc.Kind switch
        {
            PrintableKind.Quote => "Date du devis",
            PrintableKind.Order => "Date de commande",
            PrintableKind.CreditNote => "Date de l'avoir",
            PrintableKind.DeliveryNote => "Date",
            _ => "Date de facture",
        };

        private void DrawBuyer()
        {
            var b = doc.Buyer;
            var boxX = Margin + Width * 0.56;
            var boxWidth = Right - boxX;
            var inner = boxWidth - 16;

            var lines = new List<(string Text, XFont Font, XColor Color)> { ("Client", Small, Grey), (b.Name, BodyBold, XColors.Black) };
            if (b.ContactName is { } contact) lines.Add(($"À l'attention de {contact}", Body, XColors.Black));
            lines.AddRange(AddressLines(b.BillingAddress).Select(l => (l, Body, XColors.Black)));
            if (b.Siren is { } siren) lines.Add(($"SIREN : {FrenchFormat.Siren(siren)}", Body, Grey));
            if (b.VatNumber is { } vat) lines.Add(($"N° TVA : {vat}", Body, Grey));
            var height = Block(lines, inner, measureOnly: true) + 12;

            var delivery = b.DeliveryAddress is { } d && d != b.BillingAddress
                ? new List<(string, XFont, XColor)> { ("Adresse de livraison", Small, Grey) }.Concat(AddressLines(d).Select(l => (l, Body, XColors.Black))).ToList()
                : null;
            var deliveryWidth = Width * 0.52;
            if (delivery is not null) height = Math.Max(height, Block(delivery, deliveryWidth - 16, measureOnly: true) + 12);

            _g.DrawRoundedRectangle(new XPen(_accent, 0.8), boxX, _y, boxWidth, height, 6, 6);
            Block(lines, inner, x: boxX + 8, y: _y + 6);
            if (delivery is not null)
            {
                _g.DrawRoundedRectangle(new XPen(Rule, 0.8), Margin, _y, deliveryWidth, height, 6, 6);
                Block(delivery, deliveryWidth - 16, x: Margin + 8, y: _y + 6);
            }
            _y += height + Gap;
        }

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
                var labelWidth = label.Length == 0 ? 0 : _g.MeasureString(label, BodyBold).Width;
                var wrapped = Wrap(value, Body, Width - labelWidth);
                Ensure(wrapped.Count * LineHeight(Body));
                if (label.Length > 0) _g.DrawString(label, BodyBold, XBrushes.Black, new XRect(Margin, _y, labelWidth, LineHeight(Body)), XStringFormats.TopLeft);
                foreach (var part in wrapped)
                {
                    _g.DrawString(part, Body, XBrushes.Black, new XRect(Margin + labelWidth, _y, Width - labelWidth, LineHeight(Body)), XStringFormats.TopLeft);
                    _y += LineHeight(Body);
                }
            }
            if (lines.Count > 0) _y += Gap / 2;
        }

        // ------------------------------------------------------------------ lines

        private sealed record Column(string Title, double Width, bool RightAligned);

        private void DrawLines()
        {
            var priced = new List<Column> { new("Qté", 42, true), new("Unité", 44, false) };
            if (_prices)
            {
                priced.Add(new Column("PU HT", 62, true));
                priced.Add(new Column("Remise", 40, true));
                if (!_noVat) priced.Add(new Column("TVA", 36, true));
                priced.Add(new Column("Total HT", 72, true));
            }
            var description = Width - priced.Sum(c => c.Width);
            _columns = [new Column("Désignation", description, false), .. priced];

            Ensure(18 + 3 * LineHeight(Body));
            _inTable = true;
            DrawTableHeader();
            var firstRowOfPage = true;
            foreach (var line in doc.Lines)
            {
                if (line.PageBreakBefore && !firstRowOfPage) NewPage();
                DrawRow(line);
                firstRowOfPage = false;
            }
            _inTable = false;
            _y += Gap;
        }

        private void DrawTableHeader()
        {
            const double height = 16;
            _g.DrawRectangle(new XSolidBrush(_accent), Margin, _y, Width, height);
            var x = Margin;
            foreach (var c in _columns)
            {
                _g.DrawString(c.Title, SmallBold, XBrushes.White, new XRect(x + 3, _y, c.Width - 6, height), c.RightAligned ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
                x += c.Width;
            }
            _y += height + 2;
        }

        private void DrawRow(PrintableLine line)
        {
            var lh = LineHeight(Body);
            const double pad = 3;
            switch (line.Kind)
            {
                case LineKind.Title:
                    RowLines(Wrap(line.Description, BodyBold, Width - 8), BodyBold, XColors.Black, pad, background: Tint(_accent, 0.12));
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
                var available = (int)Math.Floor((_bottom - _y - 2 * pad) / lh);
                var remaining = wrapped.Count - index;
                var freshPageFits = (int)Math.Floor((_bottom - FirstRowTop() - 2 * pad) / lh);
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
                var top = _y;
                var x = Margin + 3;
                for (var i = 0; i < take; i++)
                {
                    _g.DrawString(wrapped[index + i], Body, line.IsDeduction ? new XSolidBrush(Grey) : XBrushes.Black, new XRect(x, top + pad + i * lh, descWidth, lh), XStringFormats.TopLeft);
                }
                if (index == 0) DrawAmounts(line, top + pad);
                _y = top + take * lh + 2 * pad;
                _g.DrawLine(new XPen(Rule, 0.4), Margin, _y, Right, _y);
                index += take;
            }
        }

        private double FirstRowTop() => Margin + (_pages.Count >= 1 ? 16 : 0) + 18;

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
                _g.DrawString(values[i], Body, XBrushes.Black, new XRect(x + 3, top, c.Width - 6, LineHeight(Body)), c.RightAligned ? XStringFormats.TopRight : XStringFormats.TopLeft);
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
                var available = (int)Math.Floor((_bottom - _y - 2 * pad) / lh);
                if (available < Math.Min(lines.Count - index, 2))
                {
                    NewPage();
                    continue;
                }
                var take = Math.Min(available, lines.Count - index);
                var height = take * lh + 2 * pad;
                if (background is { } fill) _g.DrawRectangle(new XSolidBrush(fill), Margin, _y, Width, height);
                for (var i = 0; i < take; i++)
                {
                    _g.DrawString(lines[index + i], font, new XSolidBrush(color), new XRect(Margin + 3, _y + pad + i * lh, Width - 6, lh), XStringFormats.TopLeft);
                }
                _y += height;
                _g.DrawLine(new XPen(Rule, 0.4), Margin, _y, Right, _y);
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
            var top = _y;

            if (vatRows.Count > 0)
            {
                double[] widths = [110, 80, 70];
                string[] headers = ["Taux de TVA", "Base HT", "Montant TVA"];
                var x = Margin;
                _g.DrawRectangle(new XSolidBrush(Tint(_accent, 0.12)), Margin, top, widths.Sum(), lh);
                for (var i = 0; i < 3; i++)
                {
                    _g.DrawString(headers[i], SmallBold, XBrushes.Black, new XRect(x + 3, top, widths[i] - 6, lh), i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
                    x += widths[i];
                }
                var y = top + lh;
                foreach (var row in vatRows)
                {
                    x = Margin;
                    string[] cells = [RateLabel(row), FrenchFormat.Money(row.Base), FrenchFormat.Money(row.Vat)];
                    for (var i = 0; i < 3; i++)
                    {
                        _g.DrawString(cells[i], Body, XBrushes.Black, new XRect(x + 3, y, widths[i] - 6, lh), i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
                        x += widths[i];
                    }
                    y += lh;
                    _g.DrawLine(new XPen(Rule, 0.4), Margin, y, Margin + widths.Sum(), y);
                }
            }

            var boxX = Right - 220;
            var ty = top;
            foreach (var (label, value, strong) in totals)
            {
                if (strong) _g.DrawRectangle(new XSolidBrush(Tint(_accent, 0.15)), boxX, ty, 220, lh);
                var font = strong ? BodyBold : Body;
                _g.DrawString(label, font, XBrushes.Black, new XRect(boxX + 6, ty, 120, lh), XStringFormats.CenterLeft);
                _g.DrawString(value, font, XBrushes.Black, new XRect(boxX + 110, ty, 104, lh), XStringFormats.CenterRight);
                ty += lh;
            }
            _y = top + height + Gap;
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
            if (doc.LegalNotes.Count > 0) _y += Gap / 2;

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
                _y += Gap / 2;
            }

            if (template.ShowBankDetails && (doc.Seller.Iban is not null || doc.Seller.Bic is not null))
            {
                Heading("Coordonnées bancaires");
                if (doc.Seller.Iban is { } iban) Paragraph($"IBAN : {FrenchFormat.Iban(iban)}", Body);
                if (doc.Seller.Bic is { } bic) Paragraph($"BIC : {bic}", Body);
                Paragraph($"Titulaire : {doc.Seller.LegalName}", Body);
                _y += Gap / 2;
            }

            if (!string.IsNullOrWhiteSpace(doc.Comment))
            {
                Paragraph(doc.Comment, Body);
                _y += Gap / 2;
            }

            var footer = string.IsNullOrWhiteSpace(doc.FooterText) ? null : doc.FooterText;
            if (footer is not null) Paragraph(footer, Body);

            if (!string.IsNullOrWhiteSpace(template.TermsAndConditions))
            {
                Heading("Conditions générales");
                Paragraph(template.TermsAndConditions, Small);
            }
        }

        private void Heading(string text)
        {
            Ensure(LineHeight(BodyBold) * 2 + 2);
            _g.DrawString(text, BodyBold, new XSolidBrush(_accent), new XRect(Margin, _y, Width, LineHeight(BodyBold)), XStringFormats.TopLeft);
            _y += LineHeight(BodyBold) + 1;
        }

        /// <summary>Wrapped text at full width that flows onto the next pages line by line.</summary>
        private void Paragraph(string? text, XFont font)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            foreach (var line in Wrap(text, font, Width))
            {
                Ensure(LineHeight(font));
                _g.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, LineHeight(font)), XStringFormats.TopLeft);
                _y += LineHeight(font);
            }
            _y += 2;
        }

        // ------------------------------------------------------------------ footers

        private List<(string Text, XFont Font)> FooterLines(XGraphics g)
        {
            var lines = new List<(string, XFont)>();
            var text = template.FooterText;
            if (!string.IsNullOrWhiteSpace(text)) lines.AddRange(Wrap(text, Small, Width, g).Select(l => (l, Small)));
            lines.AddRange(Wrap(IdentityLine(), Small, Width, g).Select(l => (l, Small)));
            return lines;
        }

        private double FooterHeight() => FooterLines(_g).Count * LineHeight(Small) + 6 + LineHeight(Small) + 4;

        /// <summary>The seller's legal identity on every page (domain-rules §4): name, legal form and capital, registered
        /// office, RCS city and SIREN, VAT number.</summary>
        private string IdentityLine()
        {
            var s = doc.Seller;
            // The form once, after the name ("Atelier Koban Démo SAS au capital de 10 000,00 €"), whether or not the name already carries it.
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
                foreach (var (text, font) in lines)
                {
                    g.DrawString(text, font, new XSolidBrush(Grey), new XRect(Margin, y, width, lh), XStringFormats.TopCenter);
                    y += lh;
                }
                y += 2;
                g.DrawString($"{doc.Title} {(doc.Number is { } n ? $"n° {n}" : $"{Draft} · {PreviewMark}")}", SmallBold, XBrushes.Black, new XRect(Margin, y, width, lh), XStringFormats.TopLeft);
                g.DrawString($"Page {i + 1} / {_pages.Count}", SmallBold, XBrushes.Black, new XRect(Margin, y, width, lh), XStringFormats.TopRight);
                if (doc.Number is null) DrawPreviewMark(g, page);
            }
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

        // ------------------------------------------------------------------ helpers

        private static double LineHeight(XFont font) => font.Size * 1.3;

        /// <summary>Keeps a short mention on one line ("RCS Lyon 732 829 320"): wrapping only breaks at plain spaces.</summary>
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

        private double Block(List<(string Text, XFont Font, XColor Color)> lines, double width, double x = 0, double y = 0, bool measureOnly = false)
        {
            var height = 0.0;
            foreach (var (text, font, color) in lines)
            {
                foreach (var part in Wrap(text, font, width))
                {
                    if (!measureOnly) _g.DrawString(part, font, new XSolidBrush(color), new XRect(x, y + height, width, LineHeight(font)), XStringFormats.TopLeft);
                    height += LineHeight(font);
                }
            }
            return height;
        }

        private static IEnumerable<string> AddressLines(Koban.Domain.Companies.PostalAddress? address)
        {
            if (address is null) yield break;
            yield return address.Line1;
            if (!string.IsNullOrWhiteSpace(address.Line2)) yield return address.Line2;
            yield return $"{address.PostalCode} {address.City}".Trim();
            if (address.CountryCode != "FR") yield return FrenchFormat.Country(address.CountryCode);
        }

        private List<string> Wrap(string text, XFont font, double width) => Wrap(text, font, width, _g);

        /// <summary>Breaks text into lines that fit <paramref name="width"/>: on the text's own line breaks, then between
        /// words, and inside a word only when the word alone is wider than the line.</summary>
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
                    while (rest.Length > 0 && g.MeasureString(rest, font).Width > width)
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
#pragma warning disable CA1031 // A logo PDFsharp cannot decode is left out rather than failing the document.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }

        private static XColor ParseColor(string? hex)
        {
            if (hex is { Length: 7 } && hex[0] == '#' && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            {
                return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
            }
            return ParseColor(DocumentTemplateSettings.DefaultAccentColor);
        }

        private static XColor Tint(XColor color, double strength) => XColor.FromArgb(
            (int)Math.Round(255 - (255 - color.R) * strength),
            (int)Math.Round(255 - (255 - color.G) * strength),
            (int)Math.Round(255 - (255 - color.B) * strength));
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
