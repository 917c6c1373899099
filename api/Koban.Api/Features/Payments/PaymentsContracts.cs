using Koban.Domain.Receivables;
using Koban.Domain.Sales;

namespace Koban.Api.Features.Payments;

/// <summary>An amount of the payment (or credit) for one invoice.</summary>
public sealed record PaymentAllocationInput(Guid InvoiceId, decimal Amount);

/// <summary>
/// A payment to record. A receipt without <c>customerId</c> is kept as unidentified (account 471) until identified. A
/// refund pays back the customer's credit: the remaining credit of <c>creditNoteId</c>, or else its receipts' unallocated
/// parts, oldest first.
/// </summary>
public sealed record PaymentRequest(
    PaymentDirection Direction,
    Guid? CustomerId,
    DateOnly Date,
    decimal Amount,
    PaymentMethod Method,
    string? Reference,
    string BankAccountCode,
    decimal? BankFees = null,
    string? Note = null,
    IReadOnlyList<PaymentAllocationInput>? Allocations = null,
    Guid? CreditNoteId = null);

public sealed record AllocatePaymentRequest(IReadOnlyList<PaymentAllocationInput> Allocations);

public sealed record CancelPaymentRequest(string Reason);

public sealed record IdentifyPaymentRequest(Guid CustomerId, IReadOnlyList<PaymentAllocationInput>? Allocations = null);

public sealed record WriteOffRequest(DateOnly? Date = null);

public sealed record ApplyCreditNoteRequest(Guid InvoiceId, decimal Amount);

public sealed record RefundCreditNoteRequest(DateOnly Date, PaymentMethod Method, string BankAccountCode, string? Reference = null, decimal? Amount = null);

public sealed record DisputeRequest(string Reason);

/// <summary>One allocation seen from a payment: the invoice (or refund, write-off) it settled, or for a refund the credit it used.</summary>
public sealed record PaymentAllocationResponse(Guid Id, ReceivableKind DocumentKind, Guid DocumentId, string DocumentNumber, decimal Amount, DateOnly Date, bool Active);

public sealed record PaymentResponse(
    Guid Id,
    PaymentDirection Direction,
    Guid? CustomerId,
    string? CustomerName,
    DateOnly Date,
    decimal Amount,
    decimal BankFees,
    PaymentMethod Method,
    string? Reference,
    string BankAccountCode,
    string? Note,
    PaymentState State,
    string? CancelReason,
    DateTimeOffset? CancelledAt,
    decimal Allocated,
    decimal Unallocated,
    IReadOnlyList<PaymentAllocationResponse> Allocations,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record PaymentSummary(
    Guid Id,
    PaymentDirection Direction,
    Guid? CustomerId,
    string? CustomerName,
    DateOnly Date,
    decimal Amount,
    PaymentMethod Method,
    string? Reference,
    string BankAccountCode,
    PaymentState State,
    decimal Unallocated,
    DateTimeOffset UpdatedAt);

public sealed record PaymentList(IReadOnlyList<PaymentSummary> Items, string? NextCursor, bool HasMore);

/// <summary>An invoice of the customer still (partly) unpaid, oldest due first: the order the SPA suggests allocating in.</summary>
public sealed record OpenInvoiceResponse(Guid InvoiceId, string Number, DateOnly IssueDate, DateOnly? DueDate, decimal Total, decimal Outstanding,
    InvoicePaymentStatus PaymentStatus, int DaysLate, bool Disputed);

/// <summary>Credit the customer can still use: a receipt's unallocated part or a credit note's remaining amount.</summary>
public sealed record CustomerCreditResponse(ReceivableKind Kind, Guid Id, string Reference, DateOnly Date, decimal Amount, decimal Available);

/// <summary>Where a customer stands: what it owes, what it may still use, and the balance (owed − credit).</summary>
public sealed record CustomerAccountResponse(
    Guid CustomerId,
    string CustomerName,
    decimal TotalOutstanding,
    decimal OverdueOutstanding,
    decimal AvailableCredit,
    decimal Balance,
    IReadOnlyList<OpenInvoiceResponse> OpenInvoices,
    IReadOnlyList<CustomerCreditResponse> Credits);

/// <summary>What settled (part of) an invoice: a receipt, a credit note or a write-off.</summary>
public sealed record InvoiceSettlementResponse(Guid AllocationId, ReceivableKind Kind, Guid SourceId, string Reference, DateOnly Date, decimal Amount, bool Active);

/// <summary>An invoice's payment side: status, what is left, dispute, and what settled it.</summary>
public sealed record InvoicePaymentResponse(
    InvoicePaymentStatus PaymentStatus,
    decimal Outstanding,
    bool Disputed,
    string? DisputeReason,
    DateTimeOffset? DisputedAt,
    IReadOnlyList<InvoiceSettlementResponse> Settlements);
