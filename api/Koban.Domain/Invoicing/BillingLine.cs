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
    ProductNature? Nature = null,
    LateFeeKind? LateFee = null,
    ServicePeriod? ServicePeriod = null)
{
    public bool IsDeduction => DeductedInvoiceId is not null;
}

/// <summary>What a line of a late-fee invoice claims (art. L441-10 and D441-5 du Code de commerce): sums that are no
/// consideration for a supply, so they are outside the scope of VAT and posted apart from revenue (domain-rules.md §9).</summary>
public enum LateFeeKind
{
    /// <summary>Late-payment interest: financial income (7638 by default).</summary>
    Interest,

    /// <summary>The 40 € fixed recovery indemnity (7588 by default).</summary>
    RecoveryIndemnity,
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

    /// <summary>Set on the lines of a late-fee invoice: interest or the recovery indemnity, each posted to its own account.</summary>
    public LateFeeKind? LateFee { get; private set; }

    /// <summary>First day of the service period the line covers (a contract's billing period), with <see cref="ServiceEnd"/>.</summary>
    public DateOnly? ServiceStart { get; private set; }

    /// <summary>Last day of the service period, both days included.</summary>
    public DateOnly? ServiceEnd { get; private set; }

    public bool IsDeduction => DeductedInvoiceId is not null;

    public ServicePeriod? ServicePeriod => ServiceStart is { } start && ServiceEnd is { } end ? new ServicePeriod(start, end) : null;

    public BillingLineData ToBillingData() => new(ToData(), OrderLineId, DeductedInvoiceId, DeductedVat, SourceLineId, Nature, LateFee, ServicePeriod);

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
            LateFee = data.LateFee,
            ServiceStart = data.ServicePeriod?.Start,
            ServiceEnd = data.ServicePeriod?.End,
        };
        line.Fill(position, data.Line);
        return line;
    }
}
