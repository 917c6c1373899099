using Koban.Domain.Common;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;

namespace Koban.Domain.Tests.Receivables;

/// <summary>What can settle what on a customer's account: the rules the payment and settlement handlers apply to the rows
/// they lock.</summary>
public sealed class AllocationRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid CustomerId = Guid.NewGuid();

    private static ReceivableItem Invoice(decimal amount, Guid? customer = null, DateOnly? date = null) =>
        ReceivableItem.Create(ReceivableKind.Invoice, customer ?? CustomerId, Guid.NewGuid(), "FA-2026-0001", date ?? Today, (date ?? Today).AddDays(30), amount, Now);

    private static ReceivableItem Receipt(decimal amount, DateOnly? date = null) =>
        ReceivableItem.Create(ReceivableKind.Receipt, CustomerId, Guid.NewGuid(), "VIR 1", date ?? Today, null, amount, Now);

    private static ReceivableItem Note(decimal amount, Guid? customer = null) =>
        ReceivableItem.Create(ReceivableKind.CreditNote, customer ?? CustomerId, Guid.NewGuid(), "AV-2026-0001", Today, null, amount, Now);

    private static ReceivableItem Refund(decimal amount) => ReceivableItem.Create(ReceivableKind.Refund, CustomerId, Guid.NewGuid(), "Remboursement", Today, null, amount, Now);

    private static Payment NewPayment(PaymentDirection direction, Guid? customer) =>
        Koban.Domain.Receivables.Payment.Record(new PaymentData(direction, customer, Today, 100m, PaymentMethod.BankTransfer, null, "512000"), Today, Now, null);

    [Test]
    public void A_receipt_settles_each_listed_invoice_and_both_rows_show_what_is_left()
    {
        var first = Invoice(120m);
        var second = Invoice(80m);
        var receipt = Receipt(150m);

        var done = AllocationRules.Allocate(receipt, [new(first.SourceId, 120m), new(second.SourceId, 30m)], [second, first], Today, Now, null, "allocations");

        done.Select(d => (d.Invoice, d.Allocation.Amount)).ShouldBe([(first, 120m), (second, 30m)]);
        (first.Outstanding, second.Outstanding, receipt.Outstanding).ShouldBe((0m, 50m, 0m));
    }

    [Test]
    public void An_invoice_listed_twice_is_refused_on_its_last_repeat()
    {
        var invoice = Invoice(100m);
        var other = Invoice(100m);
        var receipt = Receipt(300m);
        AllocationRequest[] requests = [new(invoice.SourceId, 10m), new(other.SourceId, 10m), new(invoice.SourceId, 10m)];

        var refusal = Should.Throw<DomainException>(() => AllocationRules.Allocate(receipt, requests, [invoice, other], Today, Now, null, "allocations"));

        (refusal.Code, refusal.Field).ShouldBe((ErrorCodes.AllocationTargetInvalid, "allocations[2].invoiceId"));
        receipt.Outstanding.ShouldBe(300m, "nothing is settled when the list is refused");
    }

    [Test]
    public void Each_refusal_names_the_allocation_and_the_property_at_fault()
    {
        var invoice = Invoice(100m);
        var receipt = Receipt(150m);

        Should.Throw<DomainException>(() => AllocationRules.Allocate(Receipt(20m), [new(Invoice(10m).SourceId, 10m), new(Guid.NewGuid(), 10m)], [], Today, Now, null, "allocations"))
            .Field.ShouldBe("allocations[0].invoiceId");
        Should.Throw<DomainException>(() => AllocationRules.Allocate(Receipt(20m), [new(invoice.SourceId, 101m), new(Guid.NewGuid(), 10m)], [invoice], Today, Now, null, "allocations"))
            .Field.ShouldBe("allocations[0].amount", "the requests are checked in their order");
        var beyondInvoice = Should.Throw<DomainConflictException>(() => AllocationRules.Allocate(receipt, [new(invoice.SourceId, 100.01m)], [invoice], Today, Now, null, "allocations"));
        (beyondInvoice.Code, beyondInvoice.Field).ShouldBe((ErrorCodes.AllocationExceedsOutstanding, "allocations[0].amount"));
        var beyondReceipt = Should.Throw<DomainConflictException>(() => AllocationRules.Allocate(Receipt(50m), [new(invoice.SourceId, 60m)], [invoice], Today, Now, null, null));
        (beyondReceipt.Code, beyondReceipt.Field).ShouldBe((ErrorCodes.AllocationExceedsAvailable, "amount"));
        var foreign = Invoice(100m, Guid.NewGuid());
        var otherCustomer = Should.Throw<DomainException>(() => AllocationRules.Allocate(receipt, [new(foreign.SourceId, 10m)], [foreign], Today, Now, null, "allocations"));
        (otherCustomer.Code, otherCustomer.Field).ShouldBe((ErrorCodes.AllocationOtherCustomer, "allocations[0].invoiceId"));
        var tooPrecise = Should.Throw<DomainException>(() => AllocationRules.Allocate(receipt, [new(invoice.SourceId, 1.001m)], [invoice], Today, Now, null, "allocations"));
        (tooPrecise.Code, tooPrecise.Field).ShouldBe((ErrorCodes.AmountTooPrecise, "allocations[0].amount"));
        (invoice.Outstanding, receipt.Outstanding).ShouldBe((100m, 150m));
    }

    [Test]
    public void A_credit_note_settles_its_invoice_for_no_more_than_the_invoice_still_owes()
    {
        var invoice = Invoice(100m);
        AllocationRules.Allocate(Receipt(70m), [new(invoice.SourceId, 70m)], [invoice], Today, Now, null, null);
        var note = Note(50m);

        var settled = AllocationRules.CreditNoteOnItsInvoice(invoice, note, Today, Now, null);

        settled.ShouldNotBeNull().Amount.ShouldBe(30m);
        (invoice.Outstanding, note.Outstanding).ShouldBe((0m, 20m), "the rest of the note is the customer's credit");
        AllocationRules.CreditNoteOnItsInvoice(invoice, Note(10m), Today, Now, null).ShouldBeNull();
        AllocationRules.CreditNoteOnItsInvoice(null, Note(10m), Today, Now, null).ShouldBeNull();
        Should.Throw<ArgumentException>(() => AllocationRules.CreditNoteOnItsInvoice(Invoice(10m), Receipt(10m), Today, Now, null));
    }

    [Test]
    public void A_credit_note_is_refunded_to_its_own_customer_and_never_beyond_what_it_has_left()
    {
        var note = Note(80m);

        Should.Throw<DomainException>(() => AllocationRules.FundRefundFromCreditNote(Refund(10m), Note(80m, Guid.NewGuid()), Now, null))
            .Field.ShouldBe("creditNoteId");
        var beyond = Should.Throw<DomainConflictException>(() => AllocationRules.FundRefundFromCreditNote(Refund(80.01m), note, Now, null));
        (beyond.Code, beyond.Arguments["available"]).ShouldBe((ErrorCodes.RefundBeyondCredit, (object)80m));

        var refund = Refund(50m);
        AllocationRules.FundRefundFromCreditNote(refund, note, Now, null).Single().Amount.ShouldBe(50m);
        (refund.Outstanding, note.Outstanding).ShouldBe((0m, 30m));
        Should.NotThrow(() => AllocationRules.EnsureRefundable(note));
        AllocationRules.FundRefundFromCreditNote(Refund(30m), note, Now, null);
        Should.Throw<DomainConflictException>(() => AllocationRules.EnsureRefundable(note)).Code.ShouldBe(ErrorCodes.CreditNoteNotAvailable);
    }

    [Test]
    public void A_refund_without_a_credit_note_takes_the_receipts_rests_in_the_order_given()
    {
        var older = Receipt(30m, Today.AddDays(-10));
        var newer = Receipt(50m, Today.AddDays(-2));

        var beyond = Should.Throw<DomainConflictException>(() => AllocationRules.FundRefundFromReceipts(Refund(80.01m), [older, newer], Now, null));
        beyond.Arguments["available"].ShouldBe(80m);
        (older.Outstanding, newer.Outstanding).ShouldBe((30m, 50m));

        var allocations = AllocationRules.FundRefundFromReceipts(Refund(45m), [older, newer], Now, null);

        allocations.Select(a => (a.CreditItemId, a.Amount)).ShouldBe([(older.Id, 30m), (newer.Id, 15m)]);
        (older.Outstanding, newer.Outstanding).ShouldBe((0m, 35m));
        Should.Throw<ArgumentException>(() => AllocationRules.FundRefundFromReceipts(Refund(1m), [Note(5m)], Now, null));
    }

    [Test]
    public void A_small_rest_is_written_off_as_a_loss_on_an_invoice_or_a_gain_on_a_receipt()
    {
        var invoice = Invoice(100m, date: Today.AddDays(-20));
        AllocationRules.Allocate(Receipt(99.5m), [new(invoice.SourceId, 99.5m)], [invoice], Today, Now, null, null);

        var loss = AllocationRules.WriteOff(invoice, 1m, Today.AddDays(-30), Today, Guid.NewGuid(), Now, null);

        (loss.Row.Side, loss.Row.Kind, loss.Amount, loss.Date).ShouldBe((ReceivableSide.Credit, ReceivableKind.WriteOff, 0.5m, Today.AddDays(-20)), "never dated before the invoice");
        (loss.Allocation.DebitItemId, loss.Allocation.CreditItemId).ShouldBe((invoice.Id, loss.Row.Id));
        invoice.Outstanding.ShouldBe(0m);
    }

    [Test]
    public void A_write_off_needs_a_rest_within_the_limit_dated_no_later_than_today()
    {
        var invoice = Invoice(100m);
        var receipt = Receipt(100.3m);
        AllocationRules.Allocate(receipt, [new(invoice.SourceId, 100m)], [invoice], Today, Now, null, null);

        Should.Throw<DomainConflictException>(() => AllocationRules.WriteOff(invoice, 1m, null, Today, Guid.NewGuid(), Now, null)).Code.ShouldBe(ErrorCodes.WriteOffNothingLeft);
        var beyond = Should.Throw<DomainConflictException>(() => AllocationRules.WriteOff(receipt, 0.2m, null, Today, Guid.NewGuid(), Now, null));
        (beyond.Code, beyond.Field, beyond.Arguments["limit"]).ShouldBe((ErrorCodes.WriteOffBeyondLimit, "amount", (object)0.2m));
        var future = Should.Throw<DomainException>(() => AllocationRules.WriteOff(receipt, 1m, Today.AddDays(1), Today, Guid.NewGuid(), Now, null));
        (future.Code, future.Field, future.Arguments["today"]).ShouldBe((ErrorCodes.PaymentDateInFuture, "date", (object)"15/03/2026"));
        receipt.Outstanding.ShouldBe(0.3m, "a refused write-off changes nothing");

        var gain = AllocationRules.WriteOff(receipt, 1m, null, Today, Guid.NewGuid(), Now, null);

        (gain.Row.Side, gain.Amount, gain.Date).ShouldBe((ReceivableSide.Debit, 0.3m, Today));
        (gain.Allocation.DebitItemId, gain.Allocation.CreditItemId).ShouldBe((gain.Row.Id, receipt.Id));
        receipt.Outstanding.ShouldBe(0m);
    }

    [Test]
    public void Only_an_identified_receipt_takes_allocations()
    {
        Should.NotThrow(() => NewPayment(PaymentDirection.Receipt, CustomerId).EnsureCanBeAllocated(2));
        Should.NotThrow(() => NewPayment(PaymentDirection.Receipt, null).EnsureCanBeAllocated(0));
        Should.NotThrow(() => NewPayment(PaymentDirection.Refund, CustomerId).EnsureCanBeAllocated(0));
        var unidentified = Should.Throw<DomainException>(() => NewPayment(PaymentDirection.Receipt, null).EnsureCanBeAllocated(1));
        (unidentified.Code, unidentified.Field, unidentified.Kind).ShouldBe((ErrorCodes.PaymentUnidentified, "allocations", DomainErrorKind.BusinessRule));
        var refund = Should.Throw<DomainException>(() => NewPayment(PaymentDirection.Refund, CustomerId).EnsureCanBeAllocated(1));
        (refund.Code, refund.Field, refund.Kind).ShouldBe((ErrorCodes.AllocationTargetInvalid, "allocations", DomainErrorKind.BusinessRule));
    }

    [Test]
    public void Only_an_active_identified_receipt_is_allocated_later_and_only_a_receipt_is_identified()
    {
        Should.NotThrow(() => NewPayment(PaymentDirection.Receipt, CustomerId).EnsureAllocatableReceipt());
        Should.Throw<DomainConflictException>(() => NewPayment(PaymentDirection.Refund, CustomerId).EnsureAllocatableReceipt()).Code.ShouldBe(ErrorCodes.AllocationTargetInvalid);
        var unidentified = Should.Throw<DomainConflictException>(() => NewPayment(PaymentDirection.Receipt, null).EnsureAllocatableReceipt());
        (unidentified.Code, unidentified.Field).ShouldBe((ErrorCodes.PaymentUnidentified, "customerId"));
        var cancelled = NewPayment(PaymentDirection.Receipt, CustomerId);
        cancelled.Cancel("erreur de saisie", Now, null);
        Should.Throw<DomainConflictException>(cancelled.EnsureAllocatableReceipt).Code.ShouldBe(ErrorCodes.PaymentCancelled);

        Should.NotThrow(() => NewPayment(PaymentDirection.Receipt, null).EnsureIdentifiable());
        var refund = Should.Throw<DomainConflictException>(() => NewPayment(PaymentDirection.Refund, CustomerId).EnsureIdentifiable());
        (refund.Code, refund.Field).ShouldBe((ErrorCodes.PaymentAlreadyIdentified, "customerId"));
    }
}
