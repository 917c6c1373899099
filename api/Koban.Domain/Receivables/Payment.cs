using Koban.Domain.Common;
using Koban.Domain.Sales;

namespace Koban.Domain.Receivables;

/// <summary>Money in (a customer's receipt) or out (a refund of a customer's credit).</summary>
public enum PaymentDirection
{
    Receipt,
    Refund,
}

public enum PaymentState
{
    Active,

    /// <summary>Entered by mistake: kept, with its reason, and reversed in the books — never deleted.</summary>
    Cancelled,
}

/// <summary>What the user enters to record a payment.</summary>
public sealed record PaymentData(
    PaymentDirection Direction,
    Guid? CustomerId,
    DateOnly Date,
    decimal Amount,
    PaymentMethod Method,
    string? Reference,
    string BankAccountCode,
    decimal BankFees = 0m,
    string? Note = null);

/// <summary>
/// A bank movement. A receipt credits its customer's account by <see cref="Amount"/> (what the customer paid); the bank
/// receives <see cref="Amount"/> − <see cref="BankFees"/>, the fees going to 627. A receipt nobody can match yet has no
/// customer (account 471) until <see cref="Identify"/>. A refund pays a customer's credit back.
/// </summary>
public sealed class Payment : ICompanyOwned, IHasUpdatedAt
{
    public const int ReferenceMaxLength = 100;

    private Payment()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public PaymentDirection Direction { get; private set; }
    public Guid? CustomerId { get; private set; }
    public DateOnly Date { get; private set; }
    public decimal Amount { get; private set; }
    public decimal BankFees { get; private set; }
    public PaymentMethod Method { get; private set; }
    public string? Reference { get; private set; }
    public string BankAccountCode { get; private set; } = string.Empty;
    public string? Note { get; private set; }
    public PaymentState State { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public Guid? CancelledBy { get; private set; }
    public DateOnly? IdentifiedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsUnidentified => CustomerId is null;
    public bool IsCancelled => State == PaymentState.Cancelled;

    /// <summary>What the bank account actually moves: receipts net of fees.</summary>
    public decimal BankAmount => Amount - BankFees;

    /// <summary>What is left of the payment to allocate (or, for a refund, still to fund): nothing once cancelled; else what
    /// its customer-account row still has (<paramref name="rowOutstanding"/>); an unidentified receipt, which has no row yet,
    /// keeps its whole amount.</summary>
    public decimal Unallocated(decimal? rowOutstanding) => IsCancelled ? 0m : rowOutstanding ?? (IsUnidentified ? Amount : 0m);

    public static Payment Record(PaymentData data, DateOnly today, DateTimeOffset now, Guid? by)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckAmount(data.Amount, "amount");
        if (data.BankFees < 0m)
            throw new DomainException(ErrorCodes.BankFeesInvalid, "Bank fees cannot be negative or exceed the amount.") { Field = "bankFees" };
        if (data.BankFees > 0m) CheckAmount(data.BankFees, "bankFees");
        if (data.BankFees >= data.Amount || (data.BankFees > 0m && data.Direction == PaymentDirection.Refund))
            throw new DomainException(ErrorCodes.BankFeesInvalid, "Bank fees cannot be negative or exceed the amount.") { Field = "bankFees" };
        if (data.Date > today)
        {
            throw new DomainException(ErrorCodes.PaymentDateInFuture, "A payment cannot be dated later than today.")
            {
                Field = "date",
                Arguments = new Dictionary<string, object> { ["today"] = today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) },
            };
        }
        if (data.Direction == PaymentDirection.Refund && data.CustomerId is null)
            throw new DomainException(ErrorCodes.RefundNeedsCustomer, "A refund is paid to a customer.") { Field = "customerId" };
        if (string.IsNullOrWhiteSpace(data.BankAccountCode))
            throw new DomainException(ErrorCodes.BankAccountUnknown, "Choose the bank account.") { Field = "bankAccountCode" };
        var reference = string.IsNullOrWhiteSpace(data.Reference) ? null : data.Reference.Trim();
        if (reference?.Length > ReferenceMaxLength)
            throw new DomainException(ErrorCodes.PaymentReferenceTooLong, "The reference is too long.") { Field = "reference" };
        return new Payment
        {
            Id = Guid.CreateVersion7(),
            Direction = data.Direction,
            CustomerId = data.CustomerId,
            Date = data.Date,
            Amount = data.Amount,
            BankFees = data.BankFees,
            Method = data.Method,
            Reference = reference,
            BankAccountCode = data.BankAccountCode.Trim(),
            Note = string.IsNullOrWhiteSpace(data.Note) ? null : data.Note.Trim(),
            State = PaymentState.Active,
            CreatedAt = now,
            CreatedBy = by,
        };
    }

    /// <summary>Gives an unidentified receipt its customer: from then on it is that customer's credit to allocate.</summary>
    public void Identify(Guid customerId, DateOnly today)
    {
        EnsureActive();
        if (!IsUnidentified)
            throw new DomainConflictException(ErrorCodes.PaymentAlreadyIdentified, "This payment already belongs to a customer.") { Field = "customerId" };
        CustomerId = customerId;
        IdentifiedOn = today < Date ? Date : today;
    }

    /// <summary>Whether a payment being recorded may come with <paramref name="allocations"/> allocations: a refund is never
    /// allocated to invoices, and a receipt only once its customer is known.</summary>
    public void EnsureCanBeAllocated(int allocations)
    {
        if (allocations == 0) return;
        if (Direction == PaymentDirection.Refund)
            throw new DomainException(ErrorCodes.AllocationTargetInvalid, "A refund is not allocated to invoices.") { Field = "allocations" };
        if (IsUnidentified)
            throw new DomainException(ErrorCodes.PaymentUnidentified, "Identify the customer first.") { Field = "allocations" };
    }

    /// <summary>Only an active receipt of a known customer is allocated (or has its rest written off) later.</summary>
    public void EnsureAllocatableReceipt()
    {
        EnsureActive();
        if (Direction != PaymentDirection.Receipt)
            throw new DomainConflictException(ErrorCodes.AllocationTargetInvalid, "Only a receipt is allocated to invoices.");
        if (IsUnidentified)
            throw new DomainConflictException(ErrorCodes.PaymentUnidentified, "Identify the customer first.") { Field = "customerId" };
    }

    /// <summary>Only a receipt is identified: a refund always has its customer (checked before the customer is looked up).</summary>
    public void EnsureIdentifiable()
    {
        if (Direction != PaymentDirection.Receipt)
            throw new DomainConflictException(ErrorCodes.PaymentAlreadyIdentified, "A refund always has its customer.") { Field = "customerId" };
    }

    public void Cancel(string reason, DateTimeOffset now, Guid? by)
    {
        EnsureActive();
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(ErrorCodes.CancellationReasonRequired, "A reason is required.") { Field = "reason" };
        State = PaymentState.Cancelled;
        CancelReason = reason.Trim();
        CancelledAt = now;
        CancelledBy = by;
    }

    public void EnsureActive()
    {
        if (IsCancelled)
            throw new DomainConflictException(ErrorCodes.PaymentCancelled, "This payment is cancelled.");
    }

    private static void CheckAmount(decimal amount, string field)
    {
        if (amount <= 0m)
            throw new DomainException(ErrorCodes.PaymentAmountNotPositive, "The amount must be greater than zero.") { Field = field };
        if (Rounding.Amount(amount) != amount)
            throw new DomainException(ErrorCodes.AmountTooPrecise, "An amount has at most two decimals.") { Field = field };
    }
}
