using System.Globalization;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Koban.Domain.Tests.Sales;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>
/// Drives the shipped <see cref="OrderBilling"/> as the API handlers do, without the database: every question (what is
/// left, which deposits to deduct, whether a draft is acceptable) goes to a billing replayed afresh from the validated
/// documents; this driver only keeps those documents and hands out numbers and the fingerprint chain in sequence.
/// </summary>
internal sealed class OrderBillingDriver(Order order)
{
    private readonly List<BillingDocument> _validated = [];
    private int _invoiceNumber;
    private int _creditNumber;

    public Order Order { get; } = order;

    public IReadOnlyList<BillingDocument> Validated => _validated;

    /// <summary>The products' natures the API would pass (by product id); without them every line is a service.</summary>
    public IReadOnlyDictionary<Guid, Koban.Domain.Products.ProductNature>? Natures { get; set; }

    /// <summary>The company validating (the shared test seller unless set).</summary>
    public SellerSnapshot? Seller { get; set; }

    public IEnumerable<Invoice> Invoices => _validated.OfType<Invoice>();

    public IEnumerable<CreditNote> CreditNotes => _validated.OfType<CreditNote>();

    public string LastFingerprint => _validated.Count == 0 ? DocumentFingerprint.Genesis : _validated[^1].Fingerprint!;

    public static OrderBillingDriver For(params DocumentLineData[] lines) => new(SalesTestData.Validated(lines));

    /// <summary>The order's billing as the API loads it: replayed from every validated document, in validation order.</summary>
    public OrderBilling Billing() => OrderBilling.Replay(Order, _validated);

    public OrderBillingLedger Ledger() => Billing().Ledger;

    public IReadOnlyList<DepositDeduction> DepositsToDeduct() => Billing().DepositsToDeduct();

    public Invoice Draft(OrderInvoiceSpec spec, BillingHeaderData? header = null)
    {
        if (spec.ProductNatures is null && Natures is not null)
            spec = spec with { ProductNatures = Natures };
        return Billing().DraftInvoice(spec, header ?? InvoicingTestData.Header, businessCustomer: true, InvoicingTestData.Now);
    }

    public Invoice Invoice(OrderInvoiceSpec spec) => Validate(Draft(spec));

    public Invoice Full() => Invoice(new OrderInvoiceSpec(InvoiceKind.Full));

    public Invoice Balance() => Invoice(new OrderInvoiceSpec(InvoiceKind.Balance));

    public Invoice Deposit(AmountBasis basis, decimal value) => Invoice(new OrderInvoiceSpec(InvoiceKind.Deposit, basis, value));

    public Invoice Intermediate(decimal percentage) => Invoice(new OrderInvoiceSpec(InvoiceKind.Intermediate, AmountBasis.Percentage, percentage));

    public Invoice Intermediate(params OrderLinePortion[] lines) => Invoice(new OrderInvoiceSpec(InvoiceKind.Intermediate, Lines: lines));

    public IReadOnlyList<CreditNote> CreditsOf(Invoice invoice) => [.. CreditNotes.Where(c => c.InvoiceId == invoice.Id)];

    public CreditNote CreditFull(Invoice invoice, CreditReason reason = CreditReason.Correction) =>
        Validate(Checked(invoice, CreditNote.Full(invoice, CreditsOf(invoice), reason, null, InvoicingTestData.Header, InvoicingTestData.Now)));

    public CreditNote CreditLines(Invoice invoice, CreditReason reason, params InvoiceLinePortion[] portions) =>
        Validate(Checked(invoice, CreditNote.ForLines(invoice, CreditsOf(invoice), portions, reason, null, InvoicingTestData.Header, InvoicingTestData.Now)));

    public CreditNote CreditAmount(Invoice invoice, AmountBasis basis, decimal amount, CreditReason reason = CreditReason.Correction) =>
        Validate(Checked(invoice, CreditNote.ForAmount(invoice, CreditsOf(invoice), basis, amount, reason, null, InvoicingTestData.Header, InvoicingTestData.Now)));

    /// <summary>Validates a draft as the validating transaction does: accepted by the billing replayed now (as under the
    /// order lock), then numbered in its sequence and chained after the last validated document.</summary>
    public T Validate<T>(T document)
        where T : BillingDocument
    {
        switch (document)
        {
            case Invoice invoice when invoice.OrderId is not null:
                Billing().Accept(invoice);
                break;
            case CreditNote note:
                var corrected = Invoices.Single(i => i.Id == note.InvoiceId);
                note.EnsureWithin(corrected, CreditsOf(corrected));
                Billing().Accept(note);
                break;
        }

        var number = document is CreditNote
            ? string.Create(CultureInfo.InvariantCulture, $"AV-2026-{_creditNumber + 1:0000}")
            : string.Create(CultureInfo.InvariantCulture, $"FA-2026-{_invoiceNumber + 1:0000}");
        document.Validate(InvoicingTestData.Validation(document, number, sequence: _validated.Count + 1, previous: LastFingerprint, seller: Seller));
        if (document is CreditNote) _creditNumber++;
        else _invoiceNumber++;
        _validated.Add(document);
        return document;
    }

    private CreditNote Checked(Invoice invoice, CreditNote note)
    {
        note.EnsureWithin(invoice, CreditsOf(invoice));
        return note;
    }
}
