using Koban.Domain.Receivables;
using Koban.Domain.Sales;

namespace Koban.Domain.Tests.Receivables;

/// <summary>The settlement rules the payment handlers used to decide themselves: the date of a later allocation, a credit
/// note's refund amount, what is left of a payment, and where a customer stands.</summary>
public sealed class SettlementRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid CustomerId = Guid.NewGuid();

    private static ReceivableItem Item(ReceivableKind kind, decimal amount, DateOnly? date = null, DateOnly? due = null) =>
        ReceivableItem.Create(kind, CustomerId, Guid.NewGuid(), "REF", date ?? Today, due, amount, Now);

    private static Payment NewPayment(Guid? customer, decimal amount = 100m) =>
        Payment.Record(new PaymentData(PaymentDirection.Receipt, customer, Today, amount, PaymentMethod.BankTransfer, null, "512000"), Today, Now, null);

    [Test]
    public void What_is_left_of_a_receipt_is_allocated_as_of_today_but_never_before_the_receipt()
    {
        AllocationRules.LaterAllocationDate(new DateOnly(2026, 3, 1), Today).ShouldBe(Today);
        AllocationRules.LaterAllocationDate(new DateOnly(2026, 3, 20), Today).ShouldBe(new DateOnly(2026, 3, 20), "a receipt dated later than today is allocated on its own date");
        AllocationRules.LaterAllocationDate(Today, Today).ShouldBe(Today);
    }

    [Test]
    public void A_refund_pays_out_the_amount_asked_for_or_else_all_that_is_left_of_the_credit_note()
    {
        var note = Item(ReceivableKind.CreditNote, 300m);
        Allocation.Between(Item(ReceivableKind.Invoice, 120m, due: Today.AddDays(30)), note, 120m, Today, Now, null);

        AllocationRules.RefundAmount(note, null).ShouldBe(180m);
        AllocationRules.RefundAmount(note, 50m).ShouldBe(50m);
    }

    [Test]
    public void What_is_left_of_a_payment_is_its_row_outstanding_its_whole_amount_while_unidentified_and_nothing_once_cancelled()
    {
        NewPayment(CustomerId).Unallocated(35.50m).ShouldBe(35.50m);
        NewPayment(CustomerId).Unallocated(null).ShouldBe(0m, "an identified payment without a row has nothing to allocate");
        NewPayment(null, 240m).Unallocated(null).ShouldBe(240m);

        var cancelled = NewPayment(CustomerId);
        cancelled.Cancel("Saisi deux fois", Now, null);
        cancelled.Unallocated(35.50m).ShouldBe(0m);
    }

    [Test]
    public void A_customer_owes_its_open_debit_rows_and_may_use_its_open_credit_rows()
    {
        var late = Item(ReceivableKind.Invoice, 500m, Today.AddDays(-40), Today.AddDays(-10));
        var dueLater = Item(ReceivableKind.Invoice, 200m, Today, Today.AddDays(30));
        var refund = Item(ReceivableKind.Refund, 20m);
        var receipt = Item(ReceivableKind.Receipt, 350m);
        var note = Item(ReceivableKind.CreditNote, 60m);
        Allocation.Between(late, receipt, 300m, Today, Now, null);
        var paidInFull = Item(ReceivableKind.Invoice, 80m, Today.AddDays(-60), Today.AddDays(-30));
        Allocation.Between(paidInFull, receipt, 50m, Today, Now, null);
        Allocation.Between(paidInFull, note, 30m, Today, Now, null);

        var balance = CustomerBalance.Of([late, dueLater, refund, receipt, note, paidInFull], Today);

        balance.Owed.ShouldBe(200m + 200m + 20m, "the late invoice's rest, the invoice not due yet and the refund");
        balance.Overdue.ShouldBe(200m, "only invoices past their due date, for what is left on them");
        balance.Credit.ShouldBe(0m + 30m, "the receipt is used up, the credit note has 30 left");
        balance.Balance.ShouldBe(420m - 30m);
    }

    [Test]
    public void Cancelled_rows_count_for_nothing_in_where_a_customer_stands()
    {
        var receipt = Item(ReceivableKind.Receipt, 100m);
        receipt.Cancel();
        var invoice = Item(ReceivableKind.Invoice, 100m, due: Today.AddDays(-1));

        var balance = CustomerBalance.Of([receipt, invoice], Today);

        (balance.Owed, balance.Overdue, balance.Credit, balance.Balance).ShouldBe((100m, 100m, 0m, 100m));
    }
}
