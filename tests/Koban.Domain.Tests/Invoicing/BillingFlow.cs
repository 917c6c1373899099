using System.Globalization;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Koban.Domain.Tests.Sales;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>Snapshots and headers every invoicing test shares.</summary>
internal static class InvoicingTestData
{
    public static readonly DateOnly Today = SalesTestData.Today;
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 9, 30, 0, TimeSpan.Zero);

    public static AddressSnapshot SellerAddress { get; } = new("12 rue des Lilas", null, "69003", "Lyon", "FR");

    public static AddressSnapshot BuyerAddress { get; } = new("4 avenue Foch", "Bâtiment B", "75016", "Paris", "FR");

    public static SellerSnapshot Seller { get; } = new(Guid.Parse("0195d6a0-0000-7000-8000-000000000001"), "Atelier Koban", "SAS", 10000m, SellerAddress,
        "732829320", "Lyon", "FR44732829320", "FR7630006000011234567890189", "AGRIFRPP", VatFranchise: false, VatOnDebits: false, LatePaymentPenaltyRate: 12.15m);

    public static BuyerSnapshot Buyer(Guid customerId, bool business = true) =>
        new(customerId, "Boulangerie Martin", business, "FR", "France", BuyerAddress, null, business ? "552100554" : null, null, "411MARTIN", null, null);

    public static BillingHeaderData Header { get; } = new();

    public static BillingValidation Validation(BillingDocument document, string number = "FA-2026-0001", DateOnly? issueDate = null, long sequence = 1,
        string? previous = null, SellerSnapshot? seller = null, BuyerSnapshot? buyer = null, DateOnly? today = null) =>
        new(number, issueDate ?? Today, today ?? Today, Now, null, seller ?? Seller, buyer ?? Buyer(document.CustomerId), [], null, sequence,
            previous ?? DocumentFingerprint.Genesis);

    /// <summary>A priced product line (unit "HUR" like the sales tests, or "C62" pieces).</summary>
    public static DocumentLineData Line(decimal quantity, decimal unitPrice, decimal vatRate = 20m, decimal discount = 0m, string description = "Conseil", string unit = "HUR") =>
        new(LineKind.Product, Guid.NewGuid(), description, quantity, unit, unitPrice, discount, vatRate, vatRate == 0m ? VatCategory.Exempt : VatCategory.Standard);

    /// <summary>A free priced line (a discount when <paramref name="unitPrice"/> is negative).</summary>
    public static DocumentLineData FreeLine(decimal quantity, decimal unitPrice, decimal vatRate = 20m, string description = "Remise") =>
        new(LineKind.Free, null, description, quantity, "C62", unitPrice, 0m, vatRate, vatRate == 0m ? VatCategory.Exempt : VatCategory.Standard);

    public static decimal Sum(this IEnumerable<VatBreakdownLine> rows, decimal rate, Func<VatBreakdownLine, decimal> value) =>
        rows.Where(r => r.Rate == rate).Sum(value);
}

/// <summary>
/// What the API handlers do, without the database: the order's ledger replayed from the validated documents in validation
/// order, drafts created against a fresh replay, validation re-checked against another fresh replay (as under the order
/// lock), numbers and the fingerprint chain given in sequence.
/// </summary>
internal sealed class BillingFlow(Order order)
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

    public static BillingFlow For(params DocumentLineData[] lines) => new(SalesTestData.Validated(lines));

    /// <summary>The ledger as the API rebuilds it: every validated document booked, in validation order.</summary>
    public OrderBillingLedger Ledger()
    {
        var ledger = OrderBillingLedger.For(Order);
        foreach (var document in _validated)
        {
            switch (document)
            {
                case Invoice invoice: invoice.RecordOn(ledger, Order); break;
                case CreditNote note: note.RecordOn(ledger, Order); break;
            }
        }
        return ledger;
    }

    public Invoice Draft(OrderInvoiceSpec spec, BillingHeaderData? header = null)
    {
        if (spec.Kind == InvoiceKind.Balance && spec.Deposits is null)
            spec = spec with { Deposits = DepositsToDeduct() };
        if (spec.ProductNatures is null && Natures is not null)
            spec = spec with { ProductNatures = Natures };
        return Koban.Domain.Invoicing.Invoice.FromOrder(Order, Ledger(), spec, header ?? InvoicingTestData.Header, businessCustomer: true, InvoicingTestData.Now);
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

    /// <summary>Validates a draft as the validating transaction does: re-checked against the ledger replayed now, then
    /// numbered in its sequence and chained after the last validated document.</summary>
    public T Validate<T>(T document)
        where T : BillingDocument
    {
        switch (document)
        {
            case Invoice invoice when invoice.OrderId is not null:
                invoice.RecordOn(Ledger(), Order);
                break;
            case CreditNote note:
                var corrected = Invoices.Single(i => i.Id == note.InvoiceId);
                note.EnsureWithin(corrected, CreditsOf(corrected));
                note.RecordOn(Ledger(), Order);
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

    /// <summary>The validated deposits still to deduct, each net of the correction credit notes on it and of what validated
    /// balances deducted (and corrections of those balances gave back) — what the balance handler passes.</summary>
    public IReadOnlyList<DepositDeduction> DepositsToDeduct()
    {
        var corrections = CreditNotes.Where(c => c.Reason == CreditReason.Correction).ToList();
        var result = new List<DepositDeduction>();
        foreach (var deposit in Invoices.Where(i => i.Kind == InvoiceKind.Deposit))
        {
            var rows = deposit.VatBreakdown.ToDictionary(r => (r.Rate, r.Category), r => (r.Base, r.Vat));
            void Take((decimal, VatCategory) key, decimal b, decimal v)
            {
                var (current, vat) = rows.GetValueOrDefault(key);
                rows[key] = (current - b, vat - v);
            }

            foreach (var row in corrections.Where(c => c.InvoiceId == deposit.Id).SelectMany(c => c.VatBreakdown))
                Take((row.Rate, row.Category), row.Base, row.Vat);
            foreach (var line in Invoices.SelectMany(i => i.Lines).Where(l => l.DeductedInvoiceId == deposit.Id))
                Take((line.VatRate, line.VatCategory), -line.NetAmount, line.DeductedVat);
            foreach (var line in corrections.SelectMany(c => c.Lines).Where(l => l.DeductedInvoiceId == deposit.Id))
                Take((line.VatRate, line.VatCategory), line.NetAmount, -line.DeductedVat);

            // A row with no base but some VAT left (a deposit corrected in parts whose VAT roundings differ) is still deducted.
            var left = rows.Where(r => r.Value.Base != 0m || r.Value.Vat != 0m).Select(r => new VatBreakdownLine(r.Key.Item1, r.Value.Base, r.Value.Vat, r.Key.Item2)).ToList();
            if (left.Count > 0)
                result.Add(new DepositDeduction(deposit.Id, deposit.Number!, deposit.IssueDate!.Value, left));
        }
        return result;
    }

    private CreditNote Checked(Invoice invoice, CreditNote note)
    {
        note.EnsureWithin(invoice, CreditsOf(invoice));
        return note;
    }
}
