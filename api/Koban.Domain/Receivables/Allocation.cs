using Koban.Domain.Common;

namespace Koban.Domain.Receivables;

/// <summary>
/// A credit row (receipt, credit note, loss written off) settling part of a debit row (invoice, refund, gain written
/// off) of the same customer. Never deleted: cancelling a payment cancels its allocations, which puts the amounts
/// back on both rows and stays in the history.
/// </summary>
public sealed class Allocation : ICompanyOwned
{
    private Allocation()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid DebitItemId { get; private set; }
    public Guid CreditItemId { get; private set; }
    public ReceivableKind DebitKind { get; private set; }
    public ReceivableKind CreditKind { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly Date { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public Guid? CancelledBy { get; private set; }
    public string? CancelReason { get; private set; }

    public bool IsActive => CancelledAt is null;

    /// <summary>
    /// The day an allocation settles its debit: money received settles as of the day it arrived — a receipt's date, or the
    /// debit's own date when the receipt came first (a prepayment) — whenever it is allocated: a receipt identified later
    /// (booked to 471 until then) or credit allocated later stops late interest on the day the money came in
    /// (domain-rules.md §9). Other credits (credit notes, write-offs) settle on the day they are <paramref name="recordedOn"/>.
    /// </summary>
    public static DateOnly SettledOn(ReceivableItem debit, ReceivableItem credit, DateOnly recordedOn)
    {
        ArgumentNullException.ThrowIfNull(debit);
        ArgumentNullException.ThrowIfNull(credit);
        if (credit.Kind != ReceivableKind.Receipt) return recordedOn;
        return credit.Date > debit.Date ? credit.Date : debit.Date;
    }

    /// <summary>Settles <paramref name="amount"/> of <paramref name="debit"/> with <paramref name="credit"/>, dated
    /// <see cref="SettledOn"/> (<paramref name="date"/> is the day it is recorded). The caller holds both rows locked
    /// (<c>FOR UPDATE</c>, in id order) so two concurrent allocations cannot both see the same outstanding.</summary>
    public static Allocation Between(ReceivableItem debit, ReceivableItem credit, decimal amount, DateOnly date, DateTimeOffset now, Guid? by)
    {
        ArgumentNullException.ThrowIfNull(debit);
        ArgumentNullException.ThrowIfNull(credit);
        date = SettledOn(debit, credit, date);
        if (debit.Side != ReceivableSide.Debit || credit.Side != ReceivableSide.Credit)
            throw new InvalidOperationException("An allocation settles a debit row with a credit row.");
        if (debit.CustomerId != credit.CustomerId)
            throw new DomainException(ErrorCodes.AllocationOtherCustomer, "A payment or credit note only settles invoices of its own customer.") { Field = "allocations" };
        if (amount <= 0m)
            throw new DomainException(ErrorCodes.PaymentAmountNotPositive, "The amount must be greater than zero.") { Field = "amount" };
        if (Rounding.Amount(amount) != amount)
            throw new DomainException(ErrorCodes.AmountTooPrecise, "An amount has at most two decimals.") { Field = "amount" };
        // Both rows checked before either changes: a refusal by the credit row must not leave the debit half-settled.
        debit.EnsureCanSettle(amount);
        credit.EnsureCanSettle(amount);
        debit.Settle(amount, date, byCreditNote: credit.Kind == ReceivableKind.CreditNote);
        credit.Settle(amount, date, byCreditNote: false);
        return new Allocation
        {
            Id = Guid.CreateVersion7(),
            CustomerId = debit.CustomerId,
            DebitItemId = debit.Id,
            CreditItemId = credit.Id,
            DebitKind = debit.Kind,
            CreditKind = credit.Kind,
            Amount = amount,
            Date = date,
            CreatedAt = now,
            CreatedBy = by,
        };
    }

    /// <summary>Undoes the allocation on both rows; the allocation stays, marked cancelled with the reason.</summary>
    public void Cancel(ReceivableItem debit, ReceivableItem credit, string reason, DateTimeOffset now, Guid? by)
    {
        ArgumentNullException.ThrowIfNull(debit);
        ArgumentNullException.ThrowIfNull(credit);
        if (!IsActive) return;
        if (debit.Id != DebitItemId || credit.Id != CreditItemId)
            throw new InvalidOperationException("These rows are not the allocation's.");
        debit.Unsettle(Amount, byCreditNote: CreditKind == ReceivableKind.CreditNote);
        credit.Unsettle(Amount, byCreditNote: false);
        CancelledAt = now;
        CancelledBy = by;
        CancelReason = reason;
    }
}
