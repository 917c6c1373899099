using Koban.Domain.Common;
using Koban.Domain.Invoicing;

namespace Koban.Domain.Receivables;

/// <summary>What a row of a customer's account is.</summary>
public enum ReceivableKind
{
    Invoice,
    CreditNote,
    Receipt,
    Refund,
    WriteOff,
}

/// <summary>Debit: the customer owes it (invoices, refunds paid out, gains written off). Credit: it pays (receipts, credit notes, losses written off).</summary>
public enum ReceivableSide
{
    Debit,
    Credit,
}

/// <summary>Where an invoice stands with its customer; derived from its allocations, never typed in (domain-rules.md §1).</summary>
public enum InvoicePaymentStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,

    /// <summary>Settled entirely by credit notes: nothing was paid, nothing is owed.</summary>
    Credited,
}

/// <summary>
/// One row of a customer's account: the part of an invoice, credit note or payment that still changes after validation
/// (domain-rules.md §8 keeps it apart from the frozen document). Debit rows are settled by credit rows through
/// <see cref="Allocation"/>s; <see cref="Outstanding"/> never goes below zero, which the database checks too.
/// </summary>
public sealed class ReceivableItem : ICompanyOwned, IHasUpdatedAt
{
    private ReceivableItem()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid CustomerId { get; private set; }
    public ReceivableKind Kind { get; private set; }
    public ReceivableSide Side { get; private set; }

    /// <summary>The invoice, credit note or payment this row stands for.</summary>
    public Guid SourceId { get; private set; }
    public string Reference { get; private set; } = string.Empty;
    public DateOnly Date { get; private set; }
    public DateOnly? DueDate { get; private set; }

    /// <summary>Including VAT, positive.</summary>
    public decimal Amount { get; private set; }
    public decimal Settled { get; private set; }

    /// <summary>The part of <see cref="Settled"/> that credit notes settled (an invoice only).</summary>
    public decimal SettledByCreditNotes { get; private set; }
    public decimal Outstanding { get; private set; }
    public DateOnly? LastSettledOn { get; private set; }
    public bool Disputed { get; private set; }
    public string? DisputeReason { get; private set; }
    public DateTimeOffset? DisputedAt { get; private set; }
    public bool Cancelled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsInvoice => Kind == ReceivableKind.Invoice;

    public InvoicePaymentStatus PaymentStatus => Status(Amount, Outstanding, SettledByCreditNotes);

    /// <summary>The status rule, shared by the entity and the list queries that only read the figures.</summary>
    public static InvoicePaymentStatus Status(decimal amount, decimal outstanding, decimal settledByCreditNotes)
    {
        var paid = amount - outstanding - settledByCreditNotes;
        if (outstanding <= 0m) return paid > 0m ? InvoicePaymentStatus.Paid : InvoicePaymentStatus.Credited;
        return paid > 0m ? InvoicePaymentStatus.PartiallyPaid : InvoicePaymentStatus.Unpaid;
    }

    /// <summary>Days past the due date on <paramref name="today"/> while something is owed; 0 when not late.</summary>
    public int DaysLate(DateOnly today) =>
        DueDate is { } due && Outstanding > 0m && today > due ? today.DayNumber - due.DayNumber : 0;

    public static ReceivableItem Create(ReceivableKind kind, Guid customerId, Guid sourceId, string reference, DateOnly date, DateOnly? dueDate,
        decimal amount, DateTimeOffset now)
    {
        if (amount <= 0m)
            throw new DomainException(ErrorCodes.PaymentAmountNotPositive, "The amount must be greater than zero.") { Field = "amount" };
        return new ReceivableItem
        {
            Id = Guid.CreateVersion7(),
            CustomerId = customerId,
            Kind = kind,
            Side = kind is ReceivableKind.Invoice or ReceivableKind.Refund ? ReceivableSide.Debit : ReceivableSide.Credit,
            SourceId = sourceId,
            Reference = reference,
            Date = date,
            DueDate = dueDate,
            Amount = Rounding.Amount(amount),
            Outstanding = Rounding.Amount(amount),
            CreatedAt = now,
        };
    }

    /// <summary>
    /// The row a validated invoice or credit note adds to its customer's account, the mirror of what its entry posts to 411
    /// (the customer's balance in the books always equals its outstanding here): an invoice is owed (a debit row); a credit
    /// note is a credit the customer holds; an invoice whose total is below zero — a balance a cent under nothing, once
    /// deposits that rounded their VAT up are deducted — credits 411, so it is a credit the customer holds too, like a
    /// credit note, for the absolute amount. A zero document moves nothing and adds no row (null).
    /// </summary>
    public static ReceivableItem? ForValidatedDocument(BillingDocument document, DateTimeOffset now)
    {
        if (!document.IsValidated || document.Number is null || document.IssueDate is not { } date)
            throw new InvalidOperationException("Only a validated document has a row in its customer's account.");
        var total = document.TotalIncludingVat;
        return (document, total) switch
        {
            (_, 0m) => null,
            (Invoice, > 0m) => Create(ReceivableKind.Invoice, document.CustomerId, document.Id, document.Number, date, document.DueDate, total, now),
            _ => Create(ReceivableKind.CreditNote, document.CustomerId, document.Id, document.Number, date, null, Math.Abs(total), now),
        };
    }

    /// <summary>A write-off is a debit (gain, 758: the customer paid too much) or a credit (loss, 658: it paid too little).</summary>
    public static ReceivableItem WriteOff(ReceivableSide side, Guid customerId, Guid writeOffId, string reference, DateOnly date, decimal amount, DateTimeOffset now)
    {
        var item = Create(ReceivableKind.WriteOff, customerId, writeOffId, reference, date, null, amount, now);
        item.Side = side;
        return item;
    }

    public void FlagDispute(string reason, DateTimeOffset now)
    {
        EnsureInvoice();
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(ErrorCodes.DisputeReasonRequired, "Say why the invoice is disputed.") { Field = "reason" };
        Disputed = true;
        DisputeReason = reason.Trim();
        DisputedAt = now;
    }

    public void ClearDispute()
    {
        EnsureInvoice();
        Disputed = false;
        DisputeReason = null;
        DisputedAt = null;
    }

    internal void Settle(decimal amount, DateOnly on, bool byCreditNote)
    {
        EnsureCanSettle(amount);
        Settled += amount;
        Outstanding -= amount;
        if (byCreditNote) SettledByCreditNotes += amount;
        if (LastSettledOn is null || on > LastSettledOn) LastSettledOn = on;
    }

    /// <summary>Refuses an allocation this row cannot take (cancelled, or more than is left), changing nothing.</summary>
    internal void EnsureCanSettle(decimal amount)
    {
        if (Cancelled)
            throw new DomainConflictException(ErrorCodes.PaymentCancelled, "This payment is cancelled.");
        if (amount > Outstanding)
        {
            throw new DomainConflictException(Side == ReceivableSide.Debit ? ErrorCodes.AllocationExceedsOutstanding : ErrorCodes.AllocationExceedsAvailable,
                "The allocation is larger than what is left.")
            {
                Field = "amount",
                Arguments = new Dictionary<string, object> { ["reference"] = Reference, ["remaining"] = Outstanding },
            };
        }
    }

    internal void Unsettle(decimal amount, bool byCreditNote)
    {
        Settled -= amount;
        Outstanding += amount;
        if (byCreditNote) SettledByCreditNotes -= amount;
        if (Outstanding == Amount) LastSettledOn = null;
    }

    /// <summary>A cancelled payment's row: nothing more can be allocated from it.</summary>
    public void Cancel()
    {
        if (Settled != 0m)
            throw new InvalidOperationException("Release the allocations before cancelling the item.");
        Cancelled = true;
        Outstanding = 0m;
    }

    private void EnsureInvoice()
    {
        if (!IsInvoice)
            throw new DomainException(ErrorCodes.DisputeOnlyOnInvoices, "Only an invoice can be disputed.");
    }
}
