namespace Koban.Domain.Documents;

/// <summary>
/// What the totals engine needs from any document line (quote, order, invoice, credit note). Quantity up to 3 decimals,
/// unit price up to 4, discount a percentage 0–100 with up to 2 decimals, VAT rate a percentage (20, 5.5, 2.1, 0).
/// Layout lines (Title, Comment) must carry zeros.
/// </summary>
public readonly record struct TotalsLine(
    LineKind Kind,
    decimal Quantity,
    decimal UnitPrice,
    decimal DiscountPercent,
    decimal VatRate,
    VatCategory VatCategory = VatCategory.Standard)
{
    public static TotalsLine Title { get; } = new(LineKind.Title, 0m, 0m, 0m, 0m, VatCategory.Standard);

    public static TotalsLine Priced(decimal quantity, decimal unitPrice, decimal vatRate, decimal discountPercent = 0m) =>
        new(LineKind.Free, quantity, unitPrice, discountPercent, vatRate, vatRate == 0m ? VatCategory.Exempt : VatCategory.Standard);
}
