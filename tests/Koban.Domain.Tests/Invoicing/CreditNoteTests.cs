using Koban.Domain.Common;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using static Koban.Domain.Tests.Invoicing.InvoicingTestData;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>Credit notes: full, chosen lines, or an amount split across the invoice's rates; never beyond the invoice; only a
/// correction gives back left to invoice (domain-rules.md §6).</summary>
public sealed class CreditNoteTests
{
    // L0 3 × 100.00 @20 % = 300.00 (VAT 60.00); L1 2 × 25.00 @5.5 % = 50.00 (VAT 2.75). HT 350.00, VAT 62.75, TTC 412.75.
    private static (OrderBillingDriver Flow, Invoice Invoice) Invoiced()
    {
        var flow = OrderBillingDriver.For(Line(3m, 100m), Line(2m, 25m, 5.5m));
        return (flow, flow.Full());
    }

    [Test]
    public void A_full_credit_note_mirrors_the_invoice_and_gives_everything_back_to_invoice()
    {
        var (flow, invoice) = Invoiced();

        var note = flow.CreditFull(invoice);

        note.TypeCode.ShouldBe("CRN");
        note.InvoiceId.ShouldBe(invoice.Id);
        note.CorrectedInvoiceId.ShouldBe(invoice.Id);
        note.InvoiceNumber.ShouldBe("FA-2026-0001");
        note.InvoiceDate.ShouldBe(Today);
        note.InvoiceKind.ShouldBe(InvoiceKind.Full);
        note.Number.ShouldBe("AV-2026-0001");
        note.OrderId.ShouldBe(flow.Order.Id);
        note.Lines.Select(l => l.SourceLineId).ShouldBe(invoice.Lines.Select(l => (Guid?)l.Id));
        note.Lines.Select(l => l.OrderLineId).ShouldBe(invoice.Lines.Select(l => l.OrderLineId));
        note.Lines.Select(l => (l.Quantity, l.NetAmount)).ShouldBe([(3m, 300m), (2m, 50m)]);
        note.VatBreakdown.ShouldBe(invoice.VatBreakdown);
        note.TotalIncludingVat.ShouldBe(412.75m);
        note.PaymentTerms.ShouldBe(PaymentTerms.OnReceipt);
        var ledger = flow.Ledger();
        ledger.LeftToInvoice.ShouldBe(350m);
        ledger.Lines.Select(l => l.LeftQuantity).ShouldBe([3m, 2m]);

        flow.Full().TotalIncludingVat.ShouldBe(412.75m);
        flow.Ledger().FindInvariantViolations().ShouldBeEmpty();
    }

    [Test]
    public void A_correction_on_chosen_lines_gives_back_exactly_what_it_credits()
    {
        var (flow, invoice) = Invoiced();

        // 1 unit of L0: 100.00 @20 %, VAT 20.00, TTC 120.00.
        var note = flow.CreditLines(invoice, CreditReason.Correction, new InvoiceLinePortion(invoice.Lines[0].Id, 1m));

        note.Lines.Single().Quantity.ShouldBe(1m);
        note.TotalIncludingVat.ShouldBe(120m);
        var ledger = flow.Ledger();
        ledger.LeftToInvoiceForLine(flow.Order.Lines[0].Id).ShouldBe(100m);
        ledger.LeftToInvoice.ShouldBe(100m);
        var again = flow.Full();
        again.Lines.Single().Quantity.ShouldBe(1m);
        again.TotalIncludingVat.ShouldBe(120m);
    }

    [TestCase(CreditReason.CommercialDiscount)]
    [TestCase(CreditReason.WriteOff)]
    public void A_commercial_discount_or_a_write_off_gives_nothing_back_to_invoice(CreditReason reason)
    {
        var (flow, invoice) = Invoiced();

        flow.CreditLines(invoice, reason, new InvoiceLinePortion(invoice.Lines[0].Id, 1m));
        flow.CreditAmount(invoice, AmountBasis.ExcludingVat, 35m, reason);

        var ledger = flow.Ledger();
        ledger.LeftToInvoice.ShouldBe(0m);
        ledger.OtherCreditsTotal.ShouldBe(135m);
        Should.Throw<DomainConflictException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Full))).Code.ShouldBe(ErrorCodes.NothingLeftToInvoice);
    }

    [Test]
    public void A_credit_by_amount_excluding_vat_is_split_across_the_invoice_rates_in_proportion()
    {
        var (flow, invoice) = Invoiced();

        // 35.00 HT split 300 : 50 → 30.00 @20 % (VAT 6.00) and 5.00 @5.5 % (VAT 0.275 → 0.28): TTC 41.28.
        var note = flow.CreditAmount(invoice, AmountBasis.ExcludingVat, 35m, CreditReason.CommercialDiscount);

        note.Lines.Select(l => (l.VatRate, l.NetAmount)).ShouldBe([(20m, 30m), (5.5m, 5m)]);
        note.Lines[0].Description.ShouldBe("Avoir sur la facture n° FA-2026-0001 du 15/03/2026 — TVA 20 %");
        note.Lines.ShouldAllBe(l => l.SourceLineId == null && l.OrderLineId == null);
        note.TotalIncludingVat.ShouldBe(41.28m);
    }

    [Test]
    public void A_credit_by_amount_including_vat_is_reproduced_exactly()
    {
        var (flow, invoice) = Invoiced();

        // 100.00 TTC: bases 72.68 @20 % (VAT 14.536 → 14.54) and 12.11 @5.5 % (VAT 0.66605 → 0.67): 84.79 + 15.21 = 100.00.
        var note = flow.CreditAmount(invoice, AmountBasis.IncludingVat, 100m, CreditReason.CommercialDiscount);

        note.Lines.Select(l => l.NetAmount).ShouldBe([72.68m, 12.11m]);
        note.TotalIncludingVat.ShouldBe(100m);
    }

    [TestCase(AmountBasis.ExcludingVat, 0)]
    [TestCase(AmountBasis.ExcludingVat, 1.234)]
    [TestCase(AmountBasis.Percentage, 10)]
    public void A_credit_amount_is_positive_in_cents_and_excluding_or_including_vat(AmountBasis basis, decimal amount)
    {
        var (_, invoice) = Invoiced();

        Should.Throw<DomainException>(() => CreditNote.ForAmount(invoice, [], basis, amount, CreditReason.Correction, null, Header, Now))
            .Code.ShouldBe(ErrorCodes.CreditAmountInvalid);
    }

    [Test]
    public void A_credit_note_never_goes_beyond_a_line_of_the_invoice()
    {
        var (flow, invoice) = Invoiced();
        flow.CreditLines(invoice, CreditReason.Correction, new InvoiceLinePortion(invoice.Lines[0].Id, 2m));

        var exception = Should.Throw<DomainException>(() => flow.CreditLines(invoice, CreditReason.Correction, new InvoiceLinePortion(invoice.Lines[0].Id, 1.001m)));

        exception.Code.ShouldBe(ErrorCodes.CreditBeyondInvoiced);
        exception.Field.ShouldBe("lines[0].quantity");
        exception.Arguments["invoiced"].ShouldBe(100m);
        Should.Throw<DomainException>(() => flow.CreditLines(invoice, CreditReason.Correction, new InvoiceLinePortion(Guid.NewGuid(), 1m)))
            .Code.ShouldBe(ErrorCodes.InvoiceLineNotFound);
        Should.Throw<DomainException>(() => flow.CreditLines(invoice, CreditReason.Correction, new InvoiceLinePortion(invoice.Lines[0].Id, 0.0005m)))
            .Code.ShouldBe(ErrorCodes.LineQuantityInvalid);
        Should.Throw<DomainException>(() => CreditNote.ForLines(invoice, [], [], CreditReason.Correction, null, Header, Now)).Code.ShouldBe(ErrorCodes.DocumentHasNoPricedLine);
    }

    [Test]
    public void A_credit_note_never_goes_beyond_the_invoice_total()
    {
        var (flow, invoice) = Invoiced();

        // 412.76 TTC is one cent more than the invoice.
        Should.Throw<DomainException>(() => flow.CreditAmount(invoice, AmountBasis.ExcludingVat, 350.01m)).Code.ShouldBe(ErrorCodes.CreditBeyondInvoiced);

        flow.CreditAmount(invoice, AmountBasis.ExcludingVat, 35m, CreditReason.CommercialDiscount);

        // 41.28 credited: 371.47 TTC left; 350.00 HT more would be 412.75.
        var exception = Should.Throw<DomainException>(() => flow.CreditAmount(invoice, AmountBasis.ExcludingVat, 350m, CreditReason.CommercialDiscount));
        exception.Code.ShouldBe(ErrorCodes.CreditBeyondInvoiced);
        exception.Arguments["invoiced"].ShouldBe(371.47m);
    }

    [Test]
    public void A_full_credit_note_after_a_partial_one_credits_only_the_rest()
    {
        var (flow, invoice) = Invoiced();
        flow.CreditLines(invoice, CreditReason.Correction, new InvoiceLinePortion(invoice.Lines[0].Id, 1m));

        // What is left: 2 × 100.00 @20 % and 2 × 25.00 @5.5 %: 250.00 HT, VAT 40.00 + 2.75, TTC 292.75 (412.75 − 120.00).
        var rest = flow.CreditFull(invoice);

        rest.Lines.Select(l => (l.Quantity, l.NetAmount)).ShouldBe([(2m, 200m), (2m, 50m)]);
        rest.TotalIncludingVat.ShouldBe(292.75m);
        Should.Throw<DomainConflictException>(() => flow.CreditFull(invoice)).Code.ShouldBe(ErrorCodes.NothingLeftToCredit);
        flow.Ledger().LeftToInvoice.ShouldBe(350m);
    }

    [Test]
    public void After_a_credit_by_amount_the_rest_is_credited_by_lines_or_amount_not_in_full()
    {
        var (flow, invoice) = Invoiced();
        flow.CreditAmount(invoice, AmountBasis.ExcludingVat, 35m, CreditReason.CommercialDiscount);

        Should.Throw<DomainConflictException>(() => flow.CreditFull(invoice)).Code.ShouldBe(ErrorCodes.InvoicePartlyCreditedByAmount);
    }

    [Test]
    public void Only_a_validated_invoice_is_credited()
    {
        var (flow, _) = Invoiced();
        flow.CreditFull(flow.Invoices.Single());
        var draft = flow.Draft(new OrderInvoiceSpec(InvoiceKind.Full));

        Should.Throw<DomainConflictException>(() => CreditNote.Full(draft, [], CreditReason.Correction, null, Header, Now)).Code.ShouldBe(ErrorCodes.InvoiceNotValidated);
        Should.Throw<DomainException>(() => CreditNote.Full(flow.Invoices.Single(), [], (CreditReason)42, null, Header, Now)).Code.ShouldBe(ErrorCodes.CreditReasonInvalid);
    }

    [Test]
    public void A_correction_by_amount_gives_back_left_to_invoice_at_its_rates()
    {
        var (flow, invoice) = Invoiced();

        flow.CreditAmount(invoice, AmountBasis.ExcludingVat, 35m);

        var ledger = flow.Ledger();
        ledger.LeftToInvoiceForRate(20m).ShouldBe(30m);
        ledger.LeftToInvoiceForRate(5.5m).ShouldBe(5m);
        ledger.FindInvariantViolations().ShouldBeEmpty();

        flow.Full().TotalExcludingVat.ShouldBe(35m);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void A_full_credit_note_of_a_balance_reverses_its_deductions()
    {
        // Bases 400 / 100 / 100 @20 / 10 / 5.5 %; deposit 30 % = 120 / 30 / 30 (TTC 208.65); balance 420.00 HT, TTC 486.85.
        var flow = OrderBillingDriver.For(Line(4m, 100m), Line(1m, 100m, 10m), Line(2m, 50m, 5.5m));
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        var balance = flow.Balance();
        balance.TotalIncludingVat.ShouldBe(486.85m);

        var note = flow.CreditFull(balance);

        note.TotalIncludingVat.ShouldBe(486.85m);
        note.VatBreakdown.ShouldBe(balance.VatBreakdown);
        var deductions = note.Lines.Where(l => l.IsDeduction).ToList();
        deductions.Select(l => (l.NetAmount, l.DeductedVat)).ShouldBe([(-120m, 24m), (-30m, 3m), (-30m, 1.65m)]);
        deductions.ShouldAllBe(l => l.DeductedInvoiceId == deposit.Id);
        var ledger = flow.Ledger();
        ledger.Rates.Select(r => r.OutstandingDeposits).ShouldBe([120m, 30m, 30m]);
        ledger.LeftToInvoice.ShouldBe(420m);
        ledger.FindInvariantViolations().ShouldBeEmpty();
        flow.DepositsToDeduct().Single().Rows.Select(r => (r.Base, r.Vat)).ShouldBe([(120m, 24m), (30m, 3m), (30m, 1.65m)]);

        var again = flow.Balance();

        again.TotalIncludingVat.ShouldBe(486.85m);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void A_deduction_line_is_credited_whole()
    {
        var flow = OrderBillingDriver.For(Line(4m, 100m));
        flow.Deposit(AmountBasis.Percentage, 30m);
        var balance = flow.Balance();
        var deduction = balance.Lines.Single(l => l.IsDeduction);

        Should.Throw<DomainException>(() => flow.CreditLines(balance, CreditReason.Correction, new InvoiceLinePortion(deduction.Id, 0.5m))).Code.ShouldBe(ErrorCodes.LineQuantityInvalid);
    }

    [Test]
    public void A_correction_on_a_deposit_is_never_beyond_it_and_is_refused_once_a_balance_deducted_it()
    {
        var flow = OrderBillingDriver.For(Line(4m, 100m));
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);

        Should.Throw<DomainException>(() => flow.CreditAmount(deposit, AmountBasis.ExcludingVat, 120.01m)).Code.ShouldBe(ErrorCodes.CreditBeyondInvoiced);
        flow.Balance();

        Should.Throw<DomainException>(() => flow.CreditAmount(deposit, AmountBasis.ExcludingVat, 10m)).Code.ShouldBe(ErrorCodes.CreditBeyondInvoiced);
        flow.CreditAmount(deposit, AmountBasis.ExcludingVat, 10m, CreditReason.CommercialDiscount).TotalIncludingVat.ShouldBe(12m);
    }
}
