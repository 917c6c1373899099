using Koban.Domain.Documents;

namespace Koban.Domain.Contracts;

/// <summary>A line of a contract: what one billing period invoices (quantity × unit price, less the discount). Copied from
/// the order line or the product when the contract is made, so later catalogue changes never alter it; only a renewal's
/// revision changes its unit price.</summary>
public sealed class ContractLine
{
    private ContractLine()
    {
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }

    /// <summary>0-based order of the line on the contract.</summary>
    public int Position { get; private set; }
    public LineKind Kind { get; private set; }
    public Guid? ProductId { get; private set; }

    /// <summary>The order line this contract bills, when made from an order; one order line is under one contract only.</summary>
    public Guid? OrderLineId { get; private set; }
    public string Description { get; private set; } = string.Empty;

    /// <summary>Per billing period.</summary>
    public decimal Quantity { get; private set; }
    public string? UnitCode { get; private set; }

    /// <summary>Per billing period, 4 decimals; revised at renewal.</summary>
    public decimal UnitPrice { get; private set; }
    public decimal DiscountPercent { get; private set; }
    public decimal VatRate { get; private set; }
    public VatCategory VatCategory { get; private set; }
    public string? VatExemptionReason { get; private set; }

    public DocumentLineData ToData() =>
        new(Kind, ProductId, Description, Quantity, UnitCode, UnitPrice, DiscountPercent, VatRate, VatCategory, false, VatExemptionReason);

    public TotalsLine ToTotalsLine() => new(Kind, Quantity, UnitPrice, DiscountPercent, VatRate, VatCategory);

    internal static ContractLine Create(Guid contractId, int position, DocumentLineData line, Guid? orderLineId) => new()
    {
        Id = Guid.CreateVersion7(),
        ContractId = contractId,
        Position = position,
        Kind = line.Kind,
        ProductId = line.ProductId,
        OrderLineId = orderLineId,
        Description = line.Description!,
        Quantity = line.Quantity,
        UnitCode = line.UnitCode,
        UnitPrice = line.UnitPrice,
        DiscountPercent = line.DiscountPercent,
        VatRate = line.VatRate,
        VatCategory = line.VatCategory,
        VatExemptionReason = line.VatExemptionReason,
    };

    /// <summary>Unit price × <paramref name="numerator"/> ÷ <paramref name="denominator"/>, rounded once to 4 decimals
    /// (half away from zero).</summary>
    internal void Revise(decimal numerator, decimal denominator)
    {
        if (Kind.IsPriced())
            UnitPrice = Common.Rounding.UnitPrice(UnitPrice * numerator / denominator);
    }
}
