using Koban.Domain.Common;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;

namespace Koban.Domain.Tests.Receivables;

public sealed class AllocationTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid CustomerId = Guid.NewGuid();

    private static ReceivableItem Invoice(decimal amount, Guid? customer = null) =>
        ReceivableItem.Create(ReceivableKind.Invoice, customer ?? CustomerId, Guid.NewGuid(), "FA-2026-0001", Today, Today.AddDays(30), amount, Now);

    private static ReceivableItem Receipt(decimal amount) => ReceivableItem.Create(ReceivableKind.Receipt, CustomerId, Guid.NewGuid(), "VIR 1", Today, null, amount, Now);

    private static ReceivableItem Note(decimal amount) => ReceivableItem.Create(ReceivableKind.CreditNote, CustomerId, Guid.NewGuid(), "AV-2026-0001", Today, null, amount, Now);

    [Test]
    public void Status_follows_the_allocations_unpaid_partly_paid_paid_or_credited()
    {
        var invoice = Invoice(120m);
        invoice.PaymentStatus.ShouldBe(InvoicePaymentStatus.Unpaid);
        Allocation.Between(invoice, Note(20m), 20m, Today, Now, null);
        invoice.PaymentStatus.ShouldBe(InvoicePaymentStatus.Unpaid, "a partial credit note is not a payment");
        var receipt = Receipt(150m);
        Allocation.Between(invoice, receipt, 60m, Today, Now, null);
        (invoice.PaymentStatus, invoice.Outstanding, receipt.Outstanding).ShouldBe((InvoicePaymentStatus.PartiallyPaid, 40m, 90m));
        var last = Allocation.Between(invoice, receipt, 40m, Today, Now, null);
        (invoice.PaymentStatus, invoice.Outstanding, invoice.LastSettledOn).ShouldBe((InvoicePaymentStatus.Paid, 0m, (DateOnly?)Today));
        last.Cancel(invoice, receipt, "erreur", Now, null);
        (invoice.PaymentStatus, invoice.Outstanding, receipt.Outstanding).ShouldBe((InvoicePaymentStatus.PartiallyPaid, 40m, 90m));

        var credited = Invoice(50m);
        Allocation.Between(credited, Note(50m), 50m, Today, Now, null);
        credited.PaymentStatus.ShouldBe(InvoicePaymentStatus.Credited);
    }

    [Test]
    public void An_allocation_never_exceeds_what_the_invoice_owes_nor_what_the_payment_has_left()
    {
        var invoice = Invoice(100m);
        var receipt = Receipt(500m);
        Should.Throw<DomainConflictException>(() => Allocation.Between(invoice, receipt, 100.01m, Today, Now, null)).Code.ShouldBe(ErrorCodes.AllocationExceedsOutstanding);
        var large = Invoice(900m);
        Should.Throw<DomainConflictException>(() => Allocation.Between(large, receipt, 500.01m, Today, Now, null)).Code.ShouldBe(ErrorCodes.AllocationExceedsAvailable);
        (large.Outstanding, large.LastSettledOn).ShouldBe((900m, (DateOnly?)null), "the invoice is not settled when the payment cannot pay it");
        Should.Throw<DomainException>(() => Allocation.Between(invoice, receipt, 0m, Today, Now, null)).Code.ShouldBe(ErrorCodes.PaymentAmountNotPositive);
        Should.Throw<DomainException>(() => Allocation.Between(invoice, receipt, 10.001m, Today, Now, null)).Code.ShouldBe(ErrorCodes.AmountTooPrecise);
        Should.Throw<DomainException>(() => Allocation.Between(Invoice(10m, Guid.NewGuid()), receipt, 5m, Today, Now, null)).Code.ShouldBe(ErrorCodes.AllocationOtherCustomer);
        (invoice.Outstanding, receipt.Outstanding).ShouldBe((100m, 500m), "a refused allocation changes nothing");
    }

    [Test]
    public void A_dispute_needs_a_reason_and_only_an_invoice_can_be_disputed()
    {
        var invoice = Invoice(100m);
        Should.Throw<DomainException>(() => invoice.FlagDispute("  ", Now)).Code.ShouldBe(ErrorCodes.DisputeReasonRequired);
        invoice.FlagDispute("Quantité contestée", Now);
        (invoice.Disputed, invoice.DisputeReason).ShouldBe((true, "Quantité contestée"));
        invoice.ClearDispute();
        invoice.Disputed.ShouldBeFalse();
        Should.Throw<DomainException>(() => Receipt(10m).FlagDispute("x", Now)).Code.ShouldBe(ErrorCodes.DisputeOnlyOnInvoices);
    }

    [Test]
    public void Days_late_count_from_the_due_date_while_something_is_owed()
    {
        var invoice = Invoice(100m);
        invoice.DaysLate(Today.AddDays(30)).ShouldBe(0);
        invoice.DaysLate(Today.AddDays(37)).ShouldBe(7);
        Allocation.Between(invoice, Receipt(100m), 100m, Today, Now, null);
        invoice.DaysLate(Today.AddDays(37)).ShouldBe(0);
    }

    [Test]
    public void A_payment_checks_its_amount_fees_date_and_customer_and_is_cancelled_with_a_reason()
    {
        PaymentData Data(decimal amount = 100m, decimal fees = 0m, DateOnly? date = null, PaymentDirection direction = PaymentDirection.Receipt, Guid? customer = null) =>
            new(direction, customer, date ?? Today, amount, PaymentMethod.Cheque, "CHQ 1", "BANK", fees);
        Should.Throw<DomainException>(() => Payment.Record(Data(fees: 100m), Today, Now, null)).Field.ShouldBe("bankFees");
        Should.Throw<DomainException>(() => Payment.Record(Data(date: Today.AddDays(1)), Today, Now, null)).Code.ShouldBe(ErrorCodes.PaymentDateInFuture);
        Should.Throw<DomainException>(() => Payment.Record(Data(direction: PaymentDirection.Refund), Today, Now, null)).Code.ShouldBe(ErrorCodes.RefundNeedsCustomer);
        var payment = Payment.Record(Data(fees: 1.5m), Today, Now, null);
        (payment.IsUnidentified, payment.BankAmount).ShouldBe((true, 98.5m));
        payment.Identify(CustomerId, Today);
        Should.Throw<DomainConflictException>(() => payment.Identify(CustomerId, Today)).Code.ShouldBe(ErrorCodes.PaymentAlreadyIdentified);
        Should.Throw<DomainException>(() => payment.Cancel("", Now, null)).Code.ShouldBe(ErrorCodes.CancellationReasonRequired);
        payment.Cancel("Saisi deux fois", Now, null);
        Should.Throw<DomainConflictException>(() => payment.Cancel("encore", Now, null)).Code.ShouldBe(ErrorCodes.PaymentCancelled);
    }

    [Test]
    public void Money_received_settles_as_of_the_day_it_arrived_whenever_it_is_allocated()
    {
        var invoice = ReceivableItem.Create(ReceivableKind.Invoice, CustomerId, Guid.NewGuid(), "FA-2026-0001", Today.AddDays(-40), Today.AddDays(-30), 300m, Now);
        var arrived = Today.AddDays(-20);
        var receipt = ReceivableItem.Create(ReceivableKind.Receipt, CustomerId, Guid.NewGuid(), "VIR 2", arrived, null, 300m, Now);
        // identified (or allocated) today: the settlement keeps the day the money arrived
        var identified = Allocation.Between(invoice, receipt, 100m, Today, Now, null);
        identified.Date.ShouldBe(arrived);
        invoice.LastSettledOn.ShouldBe(arrived);
        // a receipt that came before the invoice settles it from the invoice's own date
        var later = ReceivableItem.Create(ReceivableKind.Invoice, CustomerId, Guid.NewGuid(), "FA-2026-0002", Today.AddDays(-5), Today.AddDays(25), 50m, Now);
        Allocation.Between(later, receipt, 50m, Today, Now, null).Date.ShouldBe(Today.AddDays(-5));
        // a credit note settles on the day it is recorded
        Allocation.Between(invoice, Note(10m), 10m, Today, Now, null).Date.ShouldBe(Today);
        Allocation.SettledOn(invoice, Note(10m), Today.AddDays(1)).ShouldBe(Today.AddDays(1));
    }
}
