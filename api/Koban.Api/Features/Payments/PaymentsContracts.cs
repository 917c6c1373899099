using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mapster;

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

/// <summary>A payment with what its response adds to the entity: the customer's name, the allocations seen from it and
/// what they leave.</summary>
public sealed record PaymentView(Payment Payment, string? CustomerName, decimal Allocated, decimal Unallocated, IReadOnlyList<PaymentAllocationResponse> Allocations);

/// <summary>A payment as a row of the list: the entity, its customer's name and what is left of it.</summary>
public sealed record PaymentRow(Payment Payment, string? CustomerName, decimal Unallocated);

/// <summary>One allocation with the row on its other side (the invoice a receipt paid, the receipt that paid an invoice…).</summary>
public sealed record AllocationWith(Allocation Allocation, ReceivableItem Other);

/// <summary>An invoice's row of its customer's account on the day days late are counted at.</summary>
public sealed record OpenInvoiceOn(ReceivableItem Item, DateOnly Today);

/// <summary>A customer's open rows summed up (<see cref="CustomerBalance"/>), with its name.</summary>
public sealed record CustomerAccountView(Guid CustomerId, string CustomerName, CustomerBalance Position, IReadOnlyList<OpenInvoiceResponse> OpenInvoices,
    IReadOnlyList<CustomerCreditResponse> Credits);

/// <summary>How payments, allocations and customers' accounts read in the API.</summary>
public sealed class PaymentsMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<PaymentView, PaymentResponse>()
            .Map(d => d.Id, s => s.Payment.Id)
            .Map(d => d.Direction, s => s.Payment.Direction)
            .Map(d => d.CustomerId, s => s.Payment.CustomerId)
            .Map(d => d.Date, s => s.Payment.Date)
            .Map(d => d.Amount, s => s.Payment.Amount)
            .Map(d => d.BankFees, s => s.Payment.BankFees)
            .Map(d => d.Method, s => s.Payment.Method)
            .Map(d => d.Reference, s => s.Payment.Reference)
            .Map(d => d.BankAccountCode, s => s.Payment.BankAccountCode)
            .Map(d => d.Note, s => s.Payment.Note)
            .Map(d => d.State, s => s.Payment.State)
            .Map(d => d.CancelReason, s => s.Payment.CancelReason)
            .Map(d => d.CancelledAt, s => s.Payment.CancelledAt)
            .Map(d => d.CreatedAt, s => s.Payment.CreatedAt)
            .Map(d => d.UpdatedAt, s => s.Payment.UpdatedAt);

        config.NewConfig<PaymentRow, PaymentSummary>()
            .Map(d => d.Id, s => s.Payment.Id)
            .Map(d => d.Direction, s => s.Payment.Direction)
            .Map(d => d.CustomerId, s => s.Payment.CustomerId)
            .Map(d => d.Date, s => s.Payment.Date)
            .Map(d => d.Amount, s => s.Payment.Amount)
            .Map(d => d.Method, s => s.Payment.Method)
            .Map(d => d.Reference, s => s.Payment.Reference)
            .Map(d => d.BankAccountCode, s => s.Payment.BankAccountCode)
            .Map(d => d.State, s => s.Payment.State)
            .Map(d => d.UpdatedAt, s => s.Payment.UpdatedAt);

        config.NewConfig<AllocationWith, PaymentAllocationResponse>()
            .Map(d => d.Id, s => s.Allocation.Id)
            .Map(d => d.DocumentKind, s => s.Other.Kind)
            .Map(d => d.DocumentId, s => s.Other.SourceId)
            .Map(d => d.DocumentNumber, s => s.Other.Reference)
            .Map(d => d.Amount, s => s.Allocation.Amount)
            .Map(d => d.Date, s => s.Allocation.Date)
            .Map(d => d.Active, s => s.Allocation.CancelledAt == null);

        config.NewConfig<AllocationWith, InvoiceSettlementResponse>()
            .Map(d => d.AllocationId, s => s.Allocation.Id)
            .Map(d => d.Kind, s => s.Other.Kind)
            .Map(d => d.SourceId, s => s.Other.SourceId)
            .Map(d => d.Reference, s => s.Other.Reference)
            .Map(d => d.Date, s => s.Allocation.Date)
            .Map(d => d.Amount, s => s.Allocation.Amount)
            .Map(d => d.Active, s => s.Allocation.CancelledAt == null);

        config.NewConfig<OpenInvoiceOn, OpenInvoiceResponse>()
            .Map(d => d.InvoiceId, s => s.Item.SourceId)
            .Map(d => d.Number, s => s.Item.Reference)
            .Map(d => d.IssueDate, s => s.Item.Date)
            .Map(d => d.DueDate, s => s.Item.DueDate)
            .Map(d => d.Total, s => s.Item.Amount)
            .Map(d => d.Outstanding, s => s.Item.Outstanding)
            .Map(d => d.PaymentStatus, s => s.Item.PaymentStatus)
            .Map(d => d.DaysLate, s => s.Item.DaysLate(s.Today))
            .Map(d => d.Disputed, s => s.Item.Disputed);

        config.NewConfig<ReceivableItem, CustomerCreditResponse>()
            .Map(d => d.Id, s => s.SourceId)
            .Map(d => d.Available, s => s.Outstanding);

        config.NewConfig<CustomerAccountView, CustomerAccountResponse>()
            .Map(d => d.TotalOutstanding, s => s.Position.Owed)
            .Map(d => d.OverdueOutstanding, s => s.Position.Overdue)
            .Map(d => d.AvailableCredit, s => s.Position.Credit)
            .Map(d => d.Balance, s => s.Position.Balance);
    }
}
