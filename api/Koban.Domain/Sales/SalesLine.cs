using Koban.Domain.Documents;

namespace Koban.Domain.Sales;

/// <summary>
/// The stored shape of a quote or order line. Both documents carry the same columns, so an accepted quote becomes an order
/// line for line (domain-rules.md §1). Not an EF entity itself: each document maps its own sealed subclass.
/// </summary>
public abstract class SalesLine
{
    private protected SalesLine()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>0-based order of the line on the document.</summary>
    public int Position { get; private set; }
    public LineKind Kind { get; private set; }
    public Guid? ProductId { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public decimal Quantity { get; private set; }

    /// <summary>UN/ECE Rec. 20 code; null on layout lines.</summary>
    public string? UnitCode { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal DiscountPercent { get; private set; }
    public decimal VatRate { get; private set; }
    public VatCategory VatCategory { get; private set; }

    /// <summary>Billed per period by its contract, not by full and balance invoices of the order (domain-rules.md §6).</summary>
    public bool IsContractLine { get; private set; }

    /// <summary>Rounded line net, stored so lists and the billing ledger read it without recomputing.</summary>
    public decimal NetAmount { get; private set; }

    /// <summary>On a 0 % exempt line (category E), the legal basis of the exemption as it was sold (printed on the document).</summary>
    public string? VatExemptionReason { get; private set; }

    public DocumentLineData ToData() =>
        new(Kind, ProductId, Description, Quantity, UnitCode, UnitPrice, DiscountPercent, VatRate, VatCategory, IsContractLine, VatExemptionReason);

    /// <summary>Lines come back from storage in no particular order; every positional use goes through this.</summary>
    internal static List<T> InPositionOrder<T>(List<T> lines)
        where T : SalesLine
    {
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i - 1].Position > lines[i].Position)
            {
                lines.Sort((a, b) => a.Position.CompareTo(b.Position));
                break;
            }
        }
        return lines;
    }

    public TotalsLine ToTotalsLine() => new(Kind, Quantity, UnitPrice, DiscountPercent, VatRate, VatCategory);

    private protected void Fill(int position, DocumentLineData line)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        Kind = line.Kind;
        ProductId = line.ProductId;
        Description = line.Description!;
        Quantity = line.Quantity;
        UnitCode = line.UnitCode;
        UnitPrice = line.UnitPrice;
        DiscountPercent = line.DiscountPercent;
        VatRate = line.VatRate;
        VatCategory = line.VatCategory;
        IsContractLine = line.IsContractLine;
        VatExemptionReason = line.VatExemptionReason;
        NetAmount = line.Kind.IsPriced() ? DocumentTotals.LineNet(line.Quantity, line.UnitPrice, line.DiscountPercent) : 0m;
    }
}
