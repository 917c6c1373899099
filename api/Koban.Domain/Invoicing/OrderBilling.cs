using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Sales;

namespace Koban.Domain.Invoicing;

/// <summary>
/// The billing of one validated order, replayed from its validated invoices and credit notes in validation order — the
/// single source of truth, so it can never drift from them (domain-rules.md §6). It answers what is left to invoice (per
/// line and in total, excluding and including VAT), which deposits a balance still deducts, and whether a proposed invoice
/// or credit note is acceptable. The API loads the order and its documents, asks, and saves; the tests ask the same type.
/// </summary>
public sealed class OrderBilling
{
    private readonly List<Invoice> _invoices = [];
    private readonly List<CreditNote> _creditNotes = [];

    private OrderBilling(Order order, OrderBillingLedger ledger)
    {
        Order = order;
        Ledger = ledger;
    }

    public Order Order { get; }

    /// <summary>The order's ledger with every validated document booked (and the last accepted proposal, if any).</summary>
    public OrderBillingLedger Ledger { get; }

    /// <summary>The validated invoices of the order, in validation order.</summary>
    public IReadOnlyList<Invoice> Invoices => _invoices;

    /// <summary>The validated credit notes of the order's invoices, in validation order.</summary>
    public IReadOnlyList<CreditNote> CreditNotes => _creditNotes;

    public decimal LeftToInvoiceExcludingVat => Ledger.LeftToInvoice;

    /// <summary>What is left excluding VAT plus its VAT, computed per rate and rounded once per rate as a document's VAT
    /// breakdown is (domain-rules.md §5).</summary>
    public decimal LeftToInvoiceIncludingVat => Ledger.Rates.Sum(r =>
    {
        var left = Ledger.LeftToInvoiceForRate(r.Rate);
        return left + Rounding.Amount(left * r.Rate / 100m);
    });

    public decimal LeftToInvoiceForLine(Guid orderLineId) => Ledger.LeftToInvoiceForLine(orderLineId);

    /// <summary>
    /// Replays <paramref name="validated"/> — the order's validated invoices and credit notes, in validation order — on a
    /// fresh ledger of <paramref name="order"/>. A document the ledger refuses (the data no longer adds up) throws the
    /// ledger's error.
    /// </summary>
    public static OrderBilling Replay(Order order, IEnumerable<BillingDocument> validated)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(validated);
        var billing = new OrderBilling(order, OrderBillingLedger.For(order));
        foreach (var document in validated)
        {
            if (document.Status != BillingStatus.Validated || document.OrderId != order.Id)
                throw new ArgumentException($"Document {document.Id} is not a validated document of order {order.Id}.", nameof(validated));
            switch (document)
            {
                case Invoice invoice:
                    invoice.RecordOn(billing.Ledger, order);
                    billing._invoices.Add(invoice);
                    break;
                case CreditNote note:
                    note.RecordOn(billing.Ledger, order);
                    billing._creditNotes.Add(note);
                    break;
            }
        }
        return billing;
    }

    /// <summary>
    /// The validated deposits still to deduct, each per VAT rate and category, net of the correction credit notes on it and
    /// of what validated balances deducted (and corrections of those balances gave back). A row with no base but some VAT
    /// left (a deposit corrected in parts whose VAT roundings differ) is still deducted.
    /// </summary>
    public IReadOnlyList<DepositDeduction> DepositsToDeduct()
    {
        var corrections = _creditNotes.Where(c => c.Reason == CreditReason.Correction).ToList();
        var result = new List<DepositDeduction>();
        foreach (var deposit in _invoices.Where(i => i.Kind == InvoiceKind.Deposit))
        {
            var rows = deposit.VatBreakdown.ToDictionary(r => (r.Rate, r.Category), r => (r.Base, r.Vat));
            foreach (var r in corrections.Where(c => c.InvoiceId == deposit.Id).SelectMany(c => c.VatBreakdown))
                Subtract(rows, r.Rate, r.Category, r.Base, r.Vat);
            foreach (var line in _invoices.SelectMany(i => i.Lines).Where(l => l.DeductedInvoiceId == deposit.Id))
                Subtract(rows, line.VatRate, line.VatCategory, -line.NetAmount, line.DeductedVat);
            foreach (var line in corrections.SelectMany(c => c.Lines).Where(l => l.DeductedInvoiceId == deposit.Id))
                Subtract(rows, line.VatRate, line.VatCategory, line.NetAmount, -line.DeductedVat);
            var left = rows.Where(r => r.Value.Base != 0m || r.Value.Vat != 0m)
                .Select(r => new VatBreakdownLine(r.Key.Rate, r.Value.Base, r.Value.Vat, r.Key.Category)).ToList();
            if (left.Count > 0)
                result.Add(new DepositDeduction(deposit.Id, deposit.Number!, deposit.IssueDate!.Value, left));
        }
        return result;

        static void Subtract(Dictionary<(decimal Rate, VatCategory Category), (decimal Base, decimal Vat)> rows, decimal rate, VatCategory category, decimal b, decimal v)
        {
            var current = rows.GetValueOrDefault((rate, category));
            rows[(rate, category)] = (current.Base - b, current.Vat - v);
        }
    }

    /// <summary>
    /// A draft invoice of the order, checked against this billing (and booked on its ledger, which then shows what is left
    /// after it). A balance deducts <see cref="DepositsToDeduct"/> unless the spec names its deposits.
    /// </summary>
    public Invoice DraftInvoice(OrderInvoiceSpec spec, BillingHeaderData header, bool businessCustomer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind == InvoiceKind.Balance && spec.Deposits is null)
            spec = spec with { Deposits = DepositsToDeduct() };
        return Invoice.FromOrder(Order, Ledger, spec, header, businessCustomer, now);
    }

    /// <summary>
    /// Whether a proposed invoice of the order can be validated now: its amounts fit what is left on every line and rate, and
    /// a balance deducts no more of each deposit, rate and category than is still to deduct (a deposit corrected since the
    /// draft refuses it with <see cref="ErrorCodes.DeductionBeyondDeposits"/> on <c>lines</c>). On success the invoice is
    /// booked on <see cref="Ledger"/>; on refusal the ledger is unchanged.
    /// </summary>
    public void Accept(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        EnsureOfThisOrder(invoice);
        if (invoice.Kind != InvoiceKind.Balance)
        {
            invoice.RecordOn(Ledger, Order);
            return;
        }
        var deposits = DepositsToDeduct();
        // The ledger's own checks first (per rate), then each deposit's; one step, so a refusal by either undoes both.
        Ledger.RecordTogether(() =>
        {
            invoice.RecordOn(Ledger, Order);
            CheckDeductions(invoice, deposits);
        });
    }

    /// <summary>Whether a proposed credit note on an invoice of the order fits the ledger (a correction gives back no more
    /// than was invoiced); on success it is booked on <see cref="Ledger"/>. The credit note's limits against its own invoice
    /// are <see cref="CreditNote.EnsureWithin"/>.</summary>
    public void Accept(CreditNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        EnsureOfThisOrder(note);
        note.RecordOn(Ledger, Order);
    }

    private void EnsureOfThisOrder(BillingDocument document)
    {
        if (document.OrderId != Order.Id)
            throw new ArgumentException($"Document {document.Id} does not bill order {Order.Id}.", nameof(document));
    }

    private static void CheckDeductions(Invoice balance, IReadOnlyList<DepositDeduction> available)
    {
        foreach (var group in balance.Lines.Where(l => l.IsDeduction).GroupBy(l => (l.DeductedInvoiceId, l.VatRate, l.VatCategory)))
        {
            var row = available.FirstOrDefault(d => d.InvoiceId == group.Key.DeductedInvoiceId)?.Rows
                .FirstOrDefault(r => r.Rate == group.Key.VatRate && r.Category == group.Key.VatCategory);
            if (row is null || -group.Sum(l => l.NetAmount) > row.Base)
            {
                throw new DomainConflictException(ErrorCodes.DeductionBeyondDeposits, "A deposit of this balance changed since the draft: delete it and create it again.")
                {
                    Field = "lines",
                    Arguments = new Dictionary<string, object> { ["remaining"] = row?.Base ?? 0m },
                };
            }
        }
    }
}
