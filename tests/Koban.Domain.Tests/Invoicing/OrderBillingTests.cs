using Koban.Domain.Common;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using static Koban.Domain.Tests.Invoicing.InvoicingTestData;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>The order's billing replayed from its validated documents: what is left, what to deduct, and whether a
/// proposed document is acceptable — the answers the API's handlers ask for.</summary>
public sealed class OrderBillingTests
{
    // L0 4 × 100.00 @20 % = 400.00, L1 1 × 100.00 @10 % = 100.00, L2 2 × 50.00 @5.5 % = 100.00: HT 600.00, TTC 695.50.
    private static OrderBillingDriver ThreeRates() => OrderBillingDriver.For(Line(4m, 100m), Line(1m, 100m, 10m), Line(2m, 50m, 5.5m));

    [Test]
    public void Left_to_invoice_including_vat_adds_each_rates_vat_rounded_once()
    {
        var flow = ThreeRates();
        flow.Billing().LeftToInvoiceExcludingVat.ShouldBe(600m);
        flow.Billing().LeftToInvoiceIncludingVat.ShouldBe(695.50m);

        // A 30 % deposit leaves 280 / 70 / 70: VAT 56.00 + 7.00 + 3.85 = 66.85 — the balance's own total, 486.85.
        flow.Deposit(AmountBasis.Percentage, 30m);
        var billing = flow.Billing();

        billing.LeftToInvoiceExcludingVat.ShouldBe(420m);
        billing.LeftToInvoiceIncludingVat.ShouldBe(486.85m);
        billing.LeftToInvoiceIncludingVat.ShouldBe(flow.Draft(new OrderInvoiceSpec(InvoiceKind.Balance)).TotalIncludingVat);
    }

    [Test]
    public void Left_to_invoice_per_line_follows_the_validated_invoices()
    {
        var flow = ThreeRates();
        flow.Intermediate(new OrderLinePortion(flow.Order.Lines[0].Id, 1.5m));

        var billing = flow.Billing();

        billing.LeftToInvoiceForLine(flow.Order.Lines[0].Id).ShouldBe(250m);
        billing.LeftToInvoiceForLine(flow.Order.Lines[1].Id).ShouldBe(100m);
        Should.Throw<DomainException>(() => billing.LeftToInvoiceForLine(Guid.NewGuid())).Code.ShouldBe(ErrorCodes.OrderLineNotFound);
    }

    [Test]
    public void The_replay_lists_the_validated_documents_in_validation_order()
    {
        var flow = ThreeRates();
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        var credit = flow.CreditAmount(deposit, AmountBasis.ExcludingVat, 60m);
        var balance = flow.Balance();

        var billing = flow.Billing();

        billing.Invoices.ShouldBe([deposit, balance]);
        billing.CreditNotes.ShouldBe([credit]);
        billing.LeftToInvoiceExcludingVat.ShouldBe(0m);
        billing.DepositsToDeduct().ShouldBeEmpty();
        billing.Ledger.FindInvariantViolations().ShouldBeEmpty();
    }

    [Test]
    public void The_replay_takes_only_validated_documents_of_its_order()
    {
        var flow = ThreeRates();
        var draft = flow.Draft(new OrderInvoiceSpec(InvoiceKind.Full));
        var other = OrderBillingDriver.For(Line(1m, 100m));
        var foreignDraft = other.Draft(new OrderInvoiceSpec(InvoiceKind.Full));
        var foreign = other.Full();

        Should.Throw<ArgumentException>(() => OrderBilling.Replay(flow.Order, [draft]));
        Should.Throw<ArgumentException>(() => OrderBilling.Replay(flow.Order, [foreign]));
        Should.Throw<ArgumentException>(() => flow.Billing().Accept(foreignDraft));
    }

    [Test]
    public void Deposits_to_deduct_are_net_of_corrections_and_of_what_balances_deducted()
    {
        var flow = ThreeRates();
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        flow.CreditAmount(deposit, AmountBasis.ExcludingVat, 60m);

        var rows = flow.Billing().DepositsToDeduct().Single();

        rows.InvoiceId.ShouldBe(deposit.Id);
        rows.Number.ShouldBe(deposit.Number);
        rows.Rows.Select(r => (r.Rate, r.Base, r.Vat)).ShouldBe([(20m, 80m, 16m), (10m, 20m, 2m), (5.5m, 20m, 1.10m)]);

        // A balance corrected by a full correction credit note gives its deductions back.
        var balance = flow.Balance();
        flow.Billing().DepositsToDeduct().ShouldBeEmpty();
        flow.CreditFull(balance);
        flow.Billing().DepositsToDeduct().Single().Rows.Select(r => (r.Base, r.Vat)).ShouldBe([(80m, 16m), (20m, 2m), (20m, 1.10m)]);
    }

    [Test]
    public void A_balance_whose_deposit_was_corrected_since_its_draft_is_refused_and_the_ledger_is_unchanged()
    {
        // Deposit D1 (100.00) is validated and a balance drafted deducting it; then deposit D2 (100.00) is validated and
        // D1 fully corrected. The rate still has 100.00 of deposits to deduct, so the ledger alone would take the balance,
        // but D1 has nothing left: the balance must be refused, not deduct a deposit twice (once by its credit note).
        var flow = OrderBillingDriver.For(Line(1m, 1000m));
        var first = flow.Deposit(AmountBasis.ExcludingVat, 100m);
        var stale = flow.Draft(new OrderInvoiceSpec(InvoiceKind.Balance));
        flow.Deposit(AmountBasis.ExcludingVat, 100m);
        flow.CreditFull(first);
        var billing = flow.Billing();
        var left = billing.LeftToInvoiceExcludingVat;
        var invoices = billing.Ledger.InvoiceCount;

        var refusal = Should.Throw<DomainConflictException>(() => billing.Accept(stale));

        refusal.Code.ShouldBe(ErrorCodes.DeductionBeyondDeposits);
        refusal.Field.ShouldBe("lines");
        refusal.Arguments["remaining"].ShouldBe(0m);
        billing.LeftToInvoiceExcludingVat.ShouldBe(left);
        billing.Ledger.InvoiceCount.ShouldBe(invoices);
        billing.Ledger.FindInvariantViolations().ShouldBeEmpty();
        Should.Throw<DomainConflictException>(() => flow.Validate(stale));
        flow.Balance().TotalExcludingVat.ShouldBe(900m);
    }

    [Test]
    public void An_accepted_invoice_is_booked_and_one_beyond_what_is_left_is_refused()
    {
        var flow = ThreeRates();
        var first = flow.Draft(new OrderInvoiceSpec(InvoiceKind.Full));
        var second = flow.Draft(new OrderInvoiceSpec(InvoiceKind.Full));
        flow.Validate(first);
        var billing = flow.Billing();

        Should.Throw<DomainException>(() => billing.Accept(second)).Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);
        billing.LeftToInvoiceExcludingVat.ShouldBe(0m);
        billing.Ledger.FindInvariantViolations().ShouldBeEmpty();
    }

    [Test]
    public void A_correction_credit_note_is_accepted_only_within_what_was_invoiced()
    {
        var flow = ThreeRates();
        var full = flow.Full();
        var credit = CreditNote.Full(full, [], CreditReason.Correction, null, Header, Now);
        var billing = flow.Billing();

        billing.Accept(credit);

        billing.LeftToInvoiceExcludingVat.ShouldBe(600m);
        Should.Throw<DomainException>(() => billing.Accept(CreditNote.Full(full, [], CreditReason.Correction, null, Header, Now)))
            .Code.ShouldBe(ErrorCodes.CreditBeyondInvoiced);
        billing.LeftToInvoiceExcludingVat.ShouldBe(600m);
    }
}
