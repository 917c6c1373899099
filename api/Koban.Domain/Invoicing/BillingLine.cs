using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Sales;

namespace Koban.Domain.Invoicing;

/// <summary>What an invoice or credit note line carries besides the common line shape: where it comes from.</summary>
public sealed record BillingLineData(
    DocumentLineData Line,
    Guid? OrderLineId = null,
    Guid? DeductedInvoiceId = null,
    decimal DeductedVat = 0m,
    Guid? SourceLineId = null,
    ProductNature? Nature = null)
{
    public bool IsDeduction => DeductedInvoiceId is not null;
}

/// <summary>
/// A line of an invoice or a credit note: the same columns as quote and order lines (so an order line is billed as it
/// was sold), plus its origin — the order line it bills, the deposit it deducts (with the VAT deducted exactly as that
/// deposit invoiced it, domain-rules.md §6), or the invoice line a credit note corrects.
/// </summary>
public sealed class BillingLine : SalesLine
{
    private BillingLine()
    {
    }

    public Guid DocumentId { get; private set; }
    public Guid? OrderLineId { get; private set; }

    /// <summary>Set on the deduction lines of a balance invoice: the deposit invoice deducted.</summary>
    public Guid? DeductedInvoiceId { get; private set; }

    /// <summary>The VAT the deduction takes back: the deposit's own rounded VAT at this rate, never recomputed.</summary>
    public decimal DeductedVat { get; private set; }

    /// <summary>On a credit note: the line of the corrected invoice.</summary>
    public Guid? SourceLineId { get; private set; }

    /// <summary>Goods or services: the nature of the operation printed, and the revenue account in the books.</summary>
    public ProductNature? Nature { get; private set; }

    public bool IsDeduction => DeductedInvoiceId is not null;

    public BillingLineData ToBillingData() => new(ToData(), OrderLineId, DeductedInvoiceId, DeductedVat, SourceLineId, Nature);

    internal static BillingLine Create(Guid documentId, int position, BillingLineData data)
    {
        var line = new BillingLine
        {
            DocumentId = documentId,
            OrderLineId = data.OrderLineId,
            DeductedInvoiceId = data.DeductedInvoiceId,
            DeductedVat = data.DeductedVat,
            SourceLineId = data.SourceLineId,
            Nature = data.Nature,
        };
        line.Fill(position, data.Line);
        return line;
    }
}
