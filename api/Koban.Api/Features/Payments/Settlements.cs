using FluentValidation;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Payments;

public sealed record WriteOffInvoiceCommand(Guid InvoiceId, WriteOffRequest Request) : ICommand<InvoicePaymentResponse>;

public sealed record DisputeInvoiceCommand(Guid InvoiceId, string? Reason) : ICommand<InvoicePaymentResponse>;

public sealed class DisputeInvoiceCommandValidator : AbstractValidator<DisputeInvoiceCommand>
{
    public DisputeInvoiceCommandValidator() => RuleFor(c => c.Reason).MaximumLength(500).OverridePropertyName("reason");
}

public sealed record GetInvoicePaymentsQuery(Guid InvoiceId) : IQuery<InvoicePaymentResponse>;

public sealed record ApplyCreditNoteCommand(Guid CreditNoteId, ApplyCreditNoteRequest Request) : ICommand<InvoicePaymentResponse>;

public sealed class ApplyCreditNoteCommandValidator : AbstractValidator<ApplyCreditNoteCommand>
{
    public ApplyCreditNoteCommandValidator()
    {
        RuleFor(c => c.Request.InvoiceId).NotEmpty().OverridePropertyName("invoiceId");
        RuleFor(c => c.Request.Amount).GreaterThan(0m).PrecisionScale(18, 2, true).OverridePropertyName("amount");
    }
}

public sealed record RefundCreditNoteCommand(Guid CreditNoteId, RefundCreditNoteRequest Request) : ICommand<PaymentResponse>;

public sealed class RefundCreditNoteCommandValidator : AbstractValidator<RefundCreditNoteCommand>
{
    public RefundCreditNoteCommandValidator()
    {
        RuleFor(c => c.Request.Method).IsInEnum().OverridePropertyName("method");
        RuleFor(c => c.Request.BankAccountCode).NotEmpty().MaximumLength(20).OverridePropertyName("bankAccountCode");
        RuleFor(c => c.Request.Reference).MaximumLength(Payment.ReferenceMaxLength).OverridePropertyName("reference");
        RuleFor(c => c.Request.Amount).GreaterThan(0m).PrecisionScale(18, 2, true).When(c => c.Request.Amount is not null).OverridePropertyName("amount");
    }
}

public sealed record GetCustomerAccountQuery(Guid CustomerId) : IQuery<CustomerAccountResponse>;

/// <summary>The invoice side of customers' accounts: write-offs, disputes, credit notes applied or refunded, and where a customer stands.</summary>
public sealed class SettlementHandlers(KobanDbContext db, ReceivablesLedger ledger, PaymentHandlers payments, AuditLog audit, CompanyClock companyClock, TimeProvider clock) :
    ICommandHandler<WriteOffInvoiceCommand, InvoicePaymentResponse>,
    ICommandHandler<DisputeInvoiceCommand, InvoicePaymentResponse>,
    IQueryHandler<GetInvoicePaymentsQuery, InvoicePaymentResponse>,
    ICommandHandler<ApplyCreditNoteCommand, InvoicePaymentResponse>,
    ICommandHandler<RefundCreditNoteCommand, PaymentResponse>,
    IQueryHandler<GetCustomerAccountQuery, CustomerAccountResponse>
{
    public async ValueTask<InvoicePaymentResponse> Handle(WriteOffInvoiceCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await InvoiceItemAsync(command.InvoiceId, cancellationToken);
        var amount = item.Outstanding;
        await ledger.WriteOffAsync(item, command.Request.Date, cancellationToken);
        audit.Record("invoice.writtenOff", "invoice", command.InvoiceId, after: new { amount });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ForInvoiceAsync(db, command.InvoiceId, cancellationToken) ?? throw new NotFoundException("invoice", command.InvoiceId);
    }

    public async ValueTask<InvoicePaymentResponse> Handle(DisputeInvoiceCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await InvoiceItemAsync(command.InvoiceId, cancellationToken);
        var before = new { item.Disputed, item.DisputeReason };
        if (command.Reason is null) item.ClearDispute();
        else item.FlagDispute(command.Reason, clock.GetUtcNow());
        audit.Record(command.Reason is null ? "invoice.disputeCleared" : "invoice.disputed", "invoice", command.InvoiceId, before: before,
            after: new { item.Disputed, item.DisputeReason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ForInvoiceAsync(db, command.InvoiceId, cancellationToken) ?? throw new NotFoundException("invoice", command.InvoiceId);
    }

    public async ValueTask<InvoicePaymentResponse> Handle(GetInvoicePaymentsQuery query, CancellationToken cancellationToken) =>
        await ForInvoiceAsync(db, query.InvoiceId, cancellationToken) ?? throw new NotFoundException("invoice", query.InvoiceId);

    public async ValueTask<InvoicePaymentResponse> Handle(ApplyCreditNoteCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var note = (await ledger.LockAsync([command.CreditNoteId], ReceivableKind.CreditNote, cancellationToken)).SingleOrDefault();
        if (note is null)
        {
            if (await db.CreditNotes.AnyAsync(c => c.Id == command.CreditNoteId, cancellationToken))
                throw new DomainConflictException(ErrorCodes.CreditNoteNotAvailable, "Only a validated credit note with an amount left can be applied.");
            throw new NotFoundException("creditNote", command.CreditNoteId);
        }
        var today = await companyClock.TodayAsync(cancellationToken);
        await ledger.AllocateAsync(note, [new AllocationRequest(command.Request.InvoiceId, command.Request.Amount)], today, null, cancellationToken);
        audit.Record("creditNote.applied", "creditNote", command.CreditNoteId, after: new { command.Request.InvoiceId, command.Request.Amount });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ForInvoiceAsync(db, command.Request.InvoiceId, cancellationToken) ?? throw new NotFoundException("invoice", command.Request.InvoiceId);
    }

    public async ValueTask<PaymentResponse> Handle(RefundCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var note = await db.ReceivableItems.AsNoTracking().SingleOrDefaultAsync(i => i.SourceId == command.CreditNoteId && i.Kind == ReceivableKind.CreditNote, cancellationToken);
        if (note is null)
        {
            if (await db.CreditNotes.AnyAsync(c => c.Id == command.CreditNoteId, cancellationToken))
                throw new DomainConflictException(ErrorCodes.CreditNoteNotAvailable, "Only a validated credit note with an amount left can be refunded.");
            throw new NotFoundException("creditNote", command.CreditNoteId);
        }
        AllocationRules.EnsureRefundable(note);
        var payment = await payments.RecordAsync(new PaymentRequest(Domain.Receivables.PaymentDirection.Refund, note.CustomerId, r.Date, r.Amount ?? note.Outstanding, r.Method,
            r.Reference ?? $"Remboursement {note.Reference}", r.BankAccountCode, CreditNoteId: command.CreditNoteId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await payments.ResponseAsync(payment.Id, cancellationToken);
    }

    public async ValueTask<CustomerAccountResponse> Handle(GetCustomerAccountQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == query.CustomerId).Select(c => new { c.Id, c.Name })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("customer", query.CustomerId);
        var today = await companyClock.TodayAsync(cancellationToken);
        var items = await db.ReceivableItems.AsNoTracking().Where(i => i.CustomerId == query.CustomerId && i.Outstanding > 0m && !i.Cancelled)
            .OrderBy(i => i.DueDate ?? i.Date).ThenBy(i => i.Date).ThenBy(i => i.Reference).ToListAsync(cancellationToken);
        var open = items.Where(i => i.Side == ReceivableSide.Debit && i.Kind == ReceivableKind.Invoice).Select(i => new OpenInvoiceResponse(i.SourceId, i.Reference, i.Date,
            i.DueDate, i.Amount, i.Outstanding, i.PaymentStatus, i.DaysLate(today), i.Disputed)).ToList();
        var otherDebits = items.Where(i => i.Side == ReceivableSide.Debit && i.Kind != ReceivableKind.Invoice).Sum(i => i.Outstanding);
        var credits = items.Where(i => i.Side == ReceivableSide.Credit).OrderBy(i => i.Date)
            .Select(i => new CustomerCreditResponse(i.Kind, i.SourceId, i.Reference, i.Date, i.Amount, i.Outstanding)).ToList();
        var owed = open.Sum(i => i.Outstanding) + otherDebits;
        var credit = credits.Sum(c => c.Available);
        return new CustomerAccountResponse(customer.Id, customer.Name, owed, open.Where(i => i.DaysLate > 0).Sum(i => i.Outstanding), credit, owed - credit, open, credits);
    }

    /// <summary>An invoice's payment side, or null for a draft (nothing is owed on a draft).</summary>
    public static async Task<InvoicePaymentResponse?> ForInvoiceAsync(KobanDbContext db, Guid invoiceId, CancellationToken ct)
    {
        var item = await db.ReceivableItems.AsNoTracking().SingleOrDefaultAsync(i => i.SourceId == invoiceId && i.Kind == ReceivableKind.Invoice, ct);
        if (item is null)
        {
            if (!await db.Invoices.AnyAsync(i => i.Id == invoiceId, ct)) throw new NotFoundException("invoice", invoiceId);
            return null;
        }
        var settlements = await (from a in db.Allocations.AsNoTracking()
                                 where a.DebitItemId == item.Id
                                 join c in db.ReceivableItems.AsNoTracking() on a.CreditItemId equals c.Id
                                 orderby a.Date, a.CreatedAt
                                 select new InvoiceSettlementResponse(a.Id, c.Kind, c.SourceId, c.Reference, a.Date, a.Amount, a.CancelledAt == null)).ToListAsync(ct);
        return new InvoicePaymentResponse(item.PaymentStatus, item.Outstanding, item.Disputed, item.DisputeReason, item.DisputedAt, settlements);
    }

    private async Task<ReceivableItem> InvoiceItemAsync(Guid invoiceId, CancellationToken ct)
    {
        var item = (await ledger.LockAsync([invoiceId], ReceivableKind.Invoice, ct)).SingleOrDefault();
        if (item is not null) return item;
        var invoice = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => i.Id == invoiceId).Select(i => new { i.Status }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("invoice", invoiceId);
        throw invoice.Status == BillingStatus.Draft
            ? new DomainConflictException(ErrorCodes.DocumentNotValidated, "Only a validated invoice has a payment side.")
            : new DomainConflictException(ErrorCodes.WriteOffNothingLeft, "Nothing is owed on this invoice.");
    }
}
