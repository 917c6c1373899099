using System.Globalization;
using System.Text;
using Koban.Api.Infrastructure.Documents;
using Koban.Domain.Companies;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Koban.Api.Infrastructure.Pdf;

/// <summary>A table column: its header, its width in points, and whether its cells are right-aligned (amounts).</summary>
internal sealed record PdfColumn(string Title, double Width, bool RightAligned);

/// <summary>
/// What every Koban PDF draws the same way: A4 pages and a top-down cursor that moves to a new page when the space runs out
/// (continuation pages name the document at the top and repeat the header of the table being drawn), the fonts and greys,
/// the template's accent colour, the logo and seller block of the header, the buyer box, label/value lines, headings and
/// paragraphs that flow across pages, the boxed amounts, the bank details, and the footer of every page (the template's
/// footer text, the seller's legal identity, the document's name and "Page n / N"). <see cref="DocumentPdfRenderer"/> and
/// the customer statement lay out their own content on it.
/// </summary>
internal abstract class PrintLayout
{
    protected const double Margin = 40;
    protected const double Gap = 10;
    protected static readonly XFont Body = new(PdfFonts.Family, 8.5);
    protected static readonly XFont BodyBold = new(PdfFonts.Family, 8.5, XFontStyleEx.Bold);
    protected static readonly XFont Small = new(PdfFonts.Family, 7);
    protected static readonly XFont SmallBold = new(PdfFonts.Family, 7, XFontStyleEx.Bold);
    protected static readonly XFont TitleFont = new(PdfFonts.Family, 18, XFontStyleEx.Bold);
    protected static readonly XFont SellerFont = new(PdfFonts.Family, 10, XFontStyleEx.Bold);
    protected static readonly XColor Grey = XColor.FromArgb(90, 90, 90);
    protected static readonly XColor Rule = XColor.FromArgb(200, 200, 200);

    private readonly PdfDocument _pdf;
    private readonly byte[]? _logo;
    private readonly List<PdfPage> _pages = [];
    private IReadOnlyList<PdfColumn>? _table;

    protected PrintLayout(PdfDocument pdf, PrintableSeller seller, DocumentTemplateSettings template, byte[]? logo)
    {
        _pdf = pdf;
        _logo = logo;
        Seller = seller;
        Template = template;
        Accent = ParseColor(template.AccentColor);
    }

    protected PrintableSeller Seller { get; }
    protected DocumentTemplateSettings Template { get; }
    protected XColor Accent { get; }
    protected XGraphics G { get; private set; } = null!;
    protected PdfPage Page { get; private set; } = null!;

    /// <summary>The cursor: where the next thing is drawn on the current page.</summary>
    protected double Y { get; set; }

    /// <summary>The lowest point content may reach on a page (the footer is below).</summary>
    protected double Bottom { get; private set; }

    protected int PageCount => _pages.Count;
    protected double Width => Page.Width.Point - 2 * Margin;
    protected double Right => Page.Width.Point - Margin;

    /// <summary>The line at the top of every page after the first ("Facture FA-2026-00012 (suite)").</summary>
    protected abstract string ContinuationTitle { get; }

    /// <summary>The bold line at the bottom left of every page, beside "Page n / N".</summary>
    protected abstract string FooterCaption { get; }

    /// <summary>The content, from the top of the first page.</summary>
    protected abstract void DrawBody();

    /// <summary>Drawn over each finished page, after its footer.</summary>
    protected virtual void DrawOverPage(XGraphics g, PdfPage page)
    {
    }

    /// <summary>A new PDF with the fonts registered and the metadata every Koban PDF carries; the date stands for creation and modification.</summary>
    public static PdfDocument NewDocument(string title, string author, string subject, DateOnly date)
    {
        PdfFonts.EnsureRegistered();
        var created = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var pdf = new PdfDocument();
        pdf.Info.Title = title;
        pdf.Info.Author = author;
        pdf.Info.Subject = subject;
        pdf.Info.Creator = "Koban";
        pdf.Info.CreationDate = created;
        pdf.Info.ModificationDate = created;
        pdf.Language = "fr-FR";
        return pdf;
    }

    public void Draw()
    {
        NewPage();
        Bottom = Page.Height.Point - Margin - FooterHeight() - Gap;
        DrawBody();
        G.Dispose();
        DrawFooters();
    }

    protected void NewPage()
    {
        G?.Dispose();
        Page = _pdf.AddPage();
        Page.Size = PdfSharp.PageSize.A4;
        _pages.Add(Page);
        G = XGraphics.FromPdfPage(Page);
        Y = Margin;
        if (_pages.Count > 1)
        {
            // Continuation pages name the document at the top too, so a loose page is never anonymous.
            G.DrawString(ContinuationTitle, SmallBold, new XSolidBrush(Grey), new XRect(Margin, Y, Width, 10), XStringFormats.TopLeft);
            Y += 16;
        }
        if (_table is not null) DrawTableHeader(_table);
    }

    protected void Ensure(double height)
    {
        if (Y + height > Bottom) NewPage();
    }

    // ------------------------------------------------------------------ header

    /// <summary>The left column of the header: the logo (at most 170 × 60 pt, never enlarged), then the seller's name with
    /// its legal form, address, contact (when asked) and VAT number. Returns the height reached.</summary>
    protected double DrawSellerBlock(double width, bool printContact)
    {
        var y = Y;
        if (Template.ShowLogo && _logo is { Length: > 0 } && TryImage(_logo) is { } image)
        {
            using (image)
            {
                var scale = Math.Min(1, Math.Min(170 / image.PointWidth, 60 / image.PointHeight));
                G.DrawImage(image, Margin, y, image.PointWidth * scale, image.PointHeight * scale);
                y += image.PointHeight * scale + 8;
            }
        }

        var s = Seller;
        y = Text(LegalFormText.NameWithForm(s.LegalName, s.LegalForm), SellerFont, XColors.Black, Margin, y, width);
        foreach (var line in AddressLines(s.Address)) y = Text(line, Body, XColors.Black, Margin, y, width);
        var contact = string.Join("  ·  ", new[] { s.Phone is { } p ? $"Tél. {p}" : null, s.Email }.Where(x => !string.IsNullOrWhiteSpace(x)));
        if (printContact && contact.Length > 0) y = Text(contact, Body, Grey, Margin, y, width);
        if (s.VatNumber is { } vat) y = Text($"N° TVA intracommunautaire : {vat}", Body, Grey, Margin, y, width);
        return y;
    }

    /// <summary>The buyer in a box framed with the accent colour in the right column; beside it, when asked and different
    /// from the billing address, the delivery address in a grey box. Moves the cursor below them.</summary>
    protected void DrawBuyerBox(PrintableBuyer buyer, bool printVatNumber, bool printDeliveryAddress)
    {
        var boxX = Margin + Width * 0.56;
        var boxWidth = Right - boxX;
        var inner = boxWidth - 16;

        var lines = new List<(string Text, XFont Font, XColor Color)> { ("Client", Small, Grey), (buyer.Name, BodyBold, XColors.Black) };
        if (buyer.ContactName is { } contact) lines.Add(($"À l'attention de {contact}", Body, XColors.Black));
        lines.AddRange(AddressLines(buyer.BillingAddress).Select(l => (l, Body, XColors.Black)));
        if (buyer.Siren is { } siren) lines.Add(($"SIREN : {FrenchFormat.Siren(siren)}", Body, Grey));
        if (printVatNumber && buyer.VatNumber is { } vat) lines.Add(($"N° TVA : {vat}", Body, Grey));
        var height = Block(lines, inner, measureOnly: true) + 12;

        var delivery = printDeliveryAddress && buyer.DeliveryAddress is { } d && d != buyer.BillingAddress
            ? new List<(string, XFont, XColor)> { ("Adresse de livraison", Small, Grey) }.Concat(AddressLines(d).Select(l => (l, Body, XColors.Black))).ToList()
            : null;
        var deliveryWidth = Width * 0.52;
        if (delivery is not null) height = Math.Max(height, Block(delivery, deliveryWidth - 16, measureOnly: true) + 12);

        G.DrawRoundedRectangle(new XPen(Accent, 0.8), boxX, Y, boxWidth, height, 6, 6);
        Block(lines, inner, x: boxX + 8, y: Y + 6);
        if (delivery is not null)
        {
            G.DrawRoundedRectangle(new XPen(Rule, 0.8), Margin, Y, deliveryWidth, height, 6, 6);
            Block(delivery, deliveryWidth - 16, x: Margin + 8, y: Y + 6);
        }
        Y += height + Gap;
    }

    // ------------------------------------------------------------------ tables and amounts

    /// <summary>Starts a table: draws its header now and on every page the rows continue on, until <see cref="EndTable"/>.</summary>
    protected void BeginTable(IReadOnlyList<PdfColumn> columns)
    {
        _table = columns;
        DrawTableHeader(columns);
    }

    protected void EndTable() => _table = null;

    private void DrawTableHeader(IReadOnlyList<PdfColumn> columns)
    {
        const double height = 16;
        G.DrawRectangle(new XSolidBrush(Accent), Margin, Y, Width, height);
        var x = Margin;
        foreach (var c in columns)
        {
            G.DrawString(c.Title, SmallBold, XBrushes.White, new XRect(x + 3, Y, c.Width - 6, height), c.RightAligned ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
            x += c.Width;
        }
        Y += height + 2;
    }

    /// <summary>Label and amount rows in a box aligned on the right margin, the strong ones on a tint of the accent colour,
    /// from <paramref name="top"/> down; returns the height reached.</summary>
    protected double DrawAmountRows(IEnumerable<(string Label, string Value, bool Strong)> rows, double top, double lineHeight, double boxWidth, double labelWidth, double valueOffset)
    {
        var boxX = Right - boxWidth;
        var y = top;
        foreach (var (label, value, strong) in rows)
        {
            if (strong) G.DrawRectangle(new XSolidBrush(Tint(Accent, 0.15)), boxX, y, boxWidth, lineHeight);
            var font = strong ? BodyBold : Body;
            G.DrawString(label, font, XBrushes.Black, new XRect(boxX + 6, y, labelWidth, lineHeight), XStringFormats.CenterLeft);
            G.DrawString(value, font, XBrushes.Black, new XRect(boxX + valueOffset, y, boxWidth - valueOffset - 6, lineHeight), XStringFormats.CenterRight);
            y += lineHeight;
        }
        return y;
    }

    /// <summary>The seller's IBAN and BIC (those it has) and the account holder, as paragraphs under a heading the caller draws.</summary>
    protected void DrawBankDetailLines()
    {
        if (Seller.Iban is { } iban) Paragraph($"IBAN : {FrenchFormat.Iban(iban)}", Body);
        if (Seller.Bic is { } bic) Paragraph($"BIC : {bic}", Body);
        Paragraph($"Titulaire : {Seller.LegalName}", Body);
    }

    // ------------------------------------------------------------------ text

    /// <summary>A heading in the accent colour, kept on the page with <paramref name="keepWithNext"/> points of what follows.</summary>
    protected void Heading(string text, double keepWithNext, double spaceAfter)
    {
        Ensure(keepWithNext);
        G.DrawString(text, BodyBold, new XSolidBrush(Accent), new XRect(Margin, Y, Width, LineHeight(BodyBold)), XStringFormats.TopLeft);
        Y += LineHeight(BodyBold) + spaceAfter;
    }

    /// <summary>Wrapped text at full width that flows onto the next pages line by line; nothing for an empty text.</summary>
    protected void Paragraph(string? text, XFont font)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        foreach (var line in Wrap(text, font, Width))
        {
            Ensure(LineHeight(font));
            G.DrawString(line, font, XBrushes.Black, new XRect(Margin, Y, Width, LineHeight(font)), XStringFormats.TopLeft);
            Y += LineHeight(font);
        }
        Y += 2;
    }

    /// <summary>Wrapped text at a given place (no page break); returns the height reached.</summary>
    protected double Text(string text, XFont font, XColor color, double x, double y, double width)
    {
        foreach (var line in Wrap(text, font, width))
        {
            G.DrawString(line, font, new XSolidBrush(color), new XRect(x, y, width, LineHeight(font)), XStringFormats.TopLeft);
            y += LineHeight(font);
        }
        return y;
    }

    /// <summary>"Label : value" with a grey label and a bold value; returns the height reached.</summary>
    protected double LabelValue(string label, string value, double x, double y, double width)
    {
        var labelWidth = G.MeasureString(label + " ", Body).Width;
        G.DrawString(label, Body, new XSolidBrush(Grey), new XRect(x, y, labelWidth, LineHeight(Body)), XStringFormats.TopLeft);
        G.DrawString(value, BodyBold, XBrushes.Black, new XRect(x + labelWidth, y, Math.Max(width - labelWidth, 10), LineHeight(Body)), XStringFormats.TopLeft);
        return y + LineHeight(Body);
    }

    /// <summary>Lines of mixed fonts and colours wrapped to a width, drawn or only measured; returns their height.</summary>
    protected double Block(List<(string Text, XFont Font, XColor Color)> lines, double width, double x = 0, double y = 0, bool measureOnly = false)
    {
        var height = 0.0;
        foreach (var (text, font, color) in lines)
        {
            foreach (var part in Wrap(text, font, width))
            {
                if (!measureOnly) G.DrawString(part, font, new XSolidBrush(color), new XRect(x, y + height, width, LineHeight(font)), XStringFormats.TopLeft);
                height += LineHeight(font);
            }
        }
        return height;
    }

    protected static double LineHeight(XFont font) => font.Size * 1.3;

    /// <summary>Keeps a short mention on one line ("RCS Lyon 732 829 320"): wrapping only breaks at plain spaces.</summary>
    protected static string Unbreakable(string text) => text.Replace(' ', FrenchFormat.Space);

    protected static IEnumerable<string> AddressLines(PostalAddress? address)
    {
        if (address is null) yield break;
        yield return address.Line1;
        if (!string.IsNullOrWhiteSpace(address.Line2)) yield return address.Line2;
        yield return $"{address.PostalCode} {address.City}".Trim();
        if (address.CountryCode != "FR") yield return FrenchFormat.Country(address.CountryCode);
    }

    protected List<string> Wrap(string text, XFont font, double width) => Wrap(text, font, width, G);

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

    protected static XColor Tint(XColor color, double strength) => XColor.FromArgb(
        (int)Math.Round(255 - (255 - color.R) * strength),
        (int)Math.Round(255 - (255 - color.G) * strength),
        (int)Math.Round(255 - (255 - color.B) * strength));

    private static XColor ParseColor(string? hex)
    {
        if (hex is { Length: 7 } && hex[0] == '#' && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        }
        return ParseColor(DocumentTemplateSettings.DefaultAccentColor);
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

    // ------------------------------------------------------------------ footers

    private List<string> FooterLines(XGraphics g)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(Template.FooterText)) lines.AddRange(Wrap(Template.FooterText, Small, Width, g));
        lines.AddRange(Wrap(IdentityLine(), Small, Width, g));
        return lines;
    }

    private double FooterHeight() => FooterLines(G).Count * LineHeight(Small) + 6 + LineHeight(Small) + 4;

    /// <summary>The seller's legal identity on every page (domain-rules §4): name, legal form and capital, registered
    /// office, RCS city and SIREN, VAT number.</summary>
    private string IdentityLine()
    {
        var s = Seller;
        // The form once, after the name ("Atelier Koban Démo SAS au capital de 10 000,00 €"), whether or not the name already carries it.
        var (name, capital) = PrintableParts.NameAndCapital(s);
        var parts = new List<string> { capital is null ? name : $"{name} {Unbreakable(capital)}" };
        if (s.Address is { } a) parts.Add($"Siège : {string.Join(", ", AddressLines(a))}");
        if (s.Siren is { } siren) parts.Add(Unbreakable(s.RcsCity is { } city ? $"RCS {city} {FrenchFormat.Siren(siren)}" : $"SIREN {FrenchFormat.Siren(siren)}"));
        if (s.VatNumber is { } vat) parts.Add(Unbreakable($"N° TVA {vat}"));
        return string.Join(" – ", parts);
    }

    /// <summary>Added at the end, when the page count is known.</summary>
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
            g.DrawString(FooterCaption, SmallBold, XBrushes.Black, new XRect(Margin, y, width, lh), XStringFormats.TopLeft);
            g.DrawString($"Page {i + 1} / {_pages.Count}", SmallBold, XBrushes.Black, new XRect(Margin, y, width, lh), XStringFormats.TopRight);
            DrawOverPage(g, page);
        }
    }
}
