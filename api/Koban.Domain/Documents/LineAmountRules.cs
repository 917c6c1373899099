using Koban.Domain.Common;

namespace Koban.Domain.Documents;

/// <summary>The shape every line of every document obeys (domain-rules.md §5), shared by the totals engine and the
/// document aggregates so a line accepted on an order is always computable on the invoice made from it.</summary>
internal static class LineAmountRules
{
    public static void Check(LineKind kind, decimal quantity, decimal unitPrice, decimal discountPercent, decimal vatRate, VatCategory category, string prefix)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException(ErrorCodes.LineKindInvalid, $"Unknown line kind {kind}.") { Field = $"{prefix}.kind" };

        if (!kind.IsPriced())
        {
            if (quantity != 0m || unitPrice != 0m || discountPercent != 0m || vatRate != 0m)
                throw new DomainException(ErrorCodes.LayoutLineHasAmounts, "A layout line carries no amounts.") { Field = prefix };
            return;
        }

        // Refused rather than rounded: a silently rounded quantity or price would print something the user never typed.
        if (Rounding.Quantity(quantity) != quantity)
            throw new DomainException(ErrorCodes.LineQuantityTooPrecise, "Quantities take at most 3 decimals.") { Field = $"{prefix}.quantity" };
        if (Rounding.UnitPrice(unitPrice) != unitPrice)
            throw new DomainException(ErrorCodes.LineUnitPriceTooPrecise, "Unit prices take at most 4 decimals.") { Field = $"{prefix}.unitPrice" };
        if (discountPercent is < 0m or > 100m || Rounding.Amount(discountPercent) != discountPercent)
            throw new DomainException(ErrorCodes.LineDiscountOutOfRange, "The discount must be 0–100 % with at most 2 decimals.") { Field = $"{prefix}.discountPercent" };
        if (vatRate is < 0m or > 100m || Rounding.Amount(vatRate) != vatRate)
            throw new DomainException(ErrorCodes.VatRateOutOfRange, "The VAT rate must be 0–100 % with at most 2 decimals.") { Field = $"{prefix}.vatRate" };
        if (!Enum.IsDefined(category) || (category == VatCategory.Standard) != (vatRate > 0m))
        {
            // EN 16931 BR-S-05 / BR-E-05 / BR-AE-05 …: S carries a rate above zero, every other category 0.
            throw new DomainException(ErrorCodes.VatCategoryRateMismatch, $"Category {category} does not go with rate {vatRate}.") { Field = $"{prefix}.vatCategory" };
        }
    }
}
