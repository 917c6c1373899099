using Koban.Domain.Common;
using Koban.Domain.Products;

namespace Koban.Domain.Documents;

/// <summary>
/// A line as a user enters it on a quote or an order (and later an invoice). Product lines copy the product's description,
/// unit, price and VAT at entry: the document keeps them even if the product changes. Layout lines carry only a description.
/// </summary>
public sealed record DocumentLineData(
    LineKind Kind,
    Guid? ProductId,
    string? Description,
    decimal Quantity = 0m,
    string? UnitCode = null,
    decimal UnitPrice = 0m,
    decimal DiscountPercent = 0m,
    decimal VatRate = 0m,
    VatCategory VatCategory = VatCategory.Standard,
    bool IsContractLine = false,
    string? VatExemptionReason = null)
{
    public static DocumentLineData Title(string text) => new(LineKind.Title, null, text);

    public static DocumentLineData Comment(string text) => new(LineKind.Comment, null, text);

    public TotalsLine ToTotalsLine() => new(Kind, Quantity, UnitPrice, DiscountPercent, VatRate, VatCategory);

    /// <summary>Validates the line at <paramref name="index"/> (errors name <c>lines[index].field</c>) and returns it trimmed,
    /// with the default unit on priced lines typed without one.</summary>
    internal DocumentLineData Checked(int index)
    {
        var prefix = $"lines[{index}]";
        LineAmountRules.Check(Kind, Quantity, UnitPrice, DiscountPercent, VatRate, VatCategory, prefix);
        if (string.IsNullOrWhiteSpace(Description))
            throw new DomainException(ErrorCodes.LineDescriptionRequired, "The line description is required.") { Field = $"{prefix}.description" };
        if (!Kind.IsPriced())
        {
            if (ProductId is not null || UnitCode is not null || IsContractLine)
                throw new DomainException(ErrorCodes.LayoutLineHasAmounts, "A layout line carries no product or unit.") { Field = prefix };
            return this with { Description = Description.Trim(), VatCategory = VatCategory.Standard, VatExemptionReason = null };
        }

        if (Kind == LineKind.Product && ProductId is null)
            throw new DomainException(ErrorCodes.LineProductRequired, "A product line needs a product.") { Field = $"{prefix}.productId" };
        if (Kind == LineKind.Free && (ProductId is not null || IsContractLine))
            throw new DomainException(ErrorCodes.LineProductNotAllowed, "A free line has no product.") { Field = $"{prefix}.productId" };
        VatRates.EnsureAllowed(VatRate, $"{prefix}.vatRate");
        var unit = string.IsNullOrWhiteSpace(UnitCode) ? Products.UnitCode.Default : UnitCode.Trim().ToUpperInvariant();
        if (!Products.UnitCode.IsKnown(unit))
            throw new DomainException(ErrorCodes.UnitCodeUnknown, $"Unknown unit code '{UnitCode}'.") { Field = $"{prefix}.unitCode" };
        // The legal basis of a French exemption travels with the line as typed (art. 242 nonies A, 13° de l'annexe II du CGI);
        // other categories print their fixed wording.
        var reason = VatCategory == VatCategory.Exempt && !string.IsNullOrWhiteSpace(VatExemptionReason) ? VatExemptionReason.Trim() : null;
        return this with { Description = Description.Trim(), UnitCode = unit, VatExemptionReason = reason };
    }

    internal static List<DocumentLineData> CheckAll(IEnumerable<DocumentLineData> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Select((line, index) => (line ?? throw new ArgumentException("A line is null.", nameof(lines))).Checked(index)).ToList();
    }
}
