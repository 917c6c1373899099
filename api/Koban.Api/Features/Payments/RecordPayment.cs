using FluentValidation;
using Koban.Api.Features.Accounting;
using Koban.Api.Infrastructure.Accounting;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Payments;

public sealed class PaymentAllocationInputValidator : AbstractValidator<PaymentAllocationInput>
{
    public PaymentAllocationInputValidator()
    {
        RuleFor(a => a.InvoiceId).NotEmpty();
        RuleFor(a => a.Amount).GreaterThan(0m).PrecisionScale(18, 2, true);
    }
}

public sealed class PaymentRequestValidator : AbstractValidator<PaymentRequest>
{
    public PaymentRequestValidator()
    {
        RuleFor(r => r.Direction).IsInEnum();
        RuleFor(r => r.Method).IsInEnum();
        RuleFor(r => r.Amount).GreaterThan(0m).PrecisionScale(18, 2, true);
        RuleFor(r => r.BankFees).GreaterThanOrEqualTo(0m).PrecisionScale(18, 2, true).When(r => r.BankFees is not null);
        RuleFor(r => r.Reference).MaximumLength(Payment.ReferenceMaxLength);
        RuleFor(r => r.BankAccountCode).NotEmpty().MaximumLength(20);
        RuleFor(r => r.Note).MaximumLength(1000);
        RuleFor(r => r.Allocations!.Count).LessThanOrEqualTo(500).When(r => r.Allocations is not null).OverridePropertyName("allocations");
        RuleForEach(r => r.Allocations).SetValidator(new PaymentAllocationInputValidator());
        RuleFor(r => r.CustomerId).NotNull().When(r => r.Direction == PaymentDirection.Refund);
    }
}

public sealed record RecordPaymentCommand(PaymentRequest Request) : ICommand<PaymentResponse>;

public sealed class RecordPaymentCommandValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new PaymentRequestValidator()).OverridePropertyName("");
}

public sealed class RecordPaymentHandler(KobanDbContext db, ReceivablesLedger ledger, AccountingBooks books, AuditLog audit, CurrentActor actor, PaymentsReader reader,
    TimeProvider clock) : ICommandHandler<RecordPaymentCommand, PaymentResponse>
{
    public async ValueTask<PaymentResponse> Handle(RecordPaymentCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await RecordAsync(command.Request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.PaymentAsync(payment.Id, cancellationToken);
    }

    /// <summary>Records a payment in the caller's transaction (also used to refund a credit note).</summary>
    internal async Task<Payment> RecordAsync(PaymentRequest r, CancellationToken ct)
    {
        var context = await books.ContextAsync(ct);
        context.Settings.Bank(r.BankAccountCode);
        CustomerAccountRef? customer = null;
        if (r.CustomerId is { } customerId)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct)) throw new ReferenceNotFoundException("customerId");
            customer = await books.CustomerAsync(customerId, ct);
        }
        if (r.CreditNoteId is { } creditNoteId && !await db.CreditNotes.AnyAsync(c => c.Id == creditNoteId, ct))
            throw new ReferenceNotFoundException("creditNoteId");
        var now = clock.GetUtcNow();
        var payment = Payment.Record(new PaymentData(r.Direction, r.CustomerId, r.Date, r.Amount, r.Method, r.Reference, r.BankAccountCode.Trim().ToUpperInvariant(),
            r.BankFees ?? 0m, r.Note), context.Today, now, actor.UserId);
        var allocations = r.Allocations ?? [];
        payment.EnsureCanBeAllocated(allocations.Count);
        db.Payments.Add(payment);
        if (payment.Direction == PaymentDirection.Receipt)
        {
            if (customer is null)
            {
                books.Post(Postings.ForReceipt(payment, null, [], context));
            }
            else
            {
                var item = ReceivableItem.Create(ReceivableKind.Receipt, r.CustomerId!.Value, payment.Id, ReceivablesLedger.ReferenceOf(payment), payment.Date, null, payment.Amount, now);
                db.ReceivableItems.Add(item);
                var done = await ledger.AllocateAsync(item, [.. allocations.Select(a => new AllocationRequest(a.InvoiceId, a.Amount))], payment.Date, "allocations", ct);
                books.Post(Postings.ForReceipt(payment, customer, [.. done.Select(d => (d.Invoice.SourceId, d.Invoice.Reference, d.Allocation.Amount))], context));
            }
        }
        else
        {
            var refund = ReceivableItem.Create(ReceivableKind.Refund, r.CustomerId!.Value, payment.Id, ReceivablesLedger.ReferenceOf(payment), payment.Date, null, payment.Amount, now);
            db.ReceivableItems.Add(refund);
            await ledger.FundRefundAsync(refund, r.CreditNoteId, ct);
            books.Post(Postings.ForRefund(payment, customer!, context));
        }
        audit.Record(payment.Direction == PaymentDirection.Receipt ? "payment.recorded" : "payment.refunded", "payment", payment.Id, after: new
        {
            payment.Direction,
            payment.CustomerId,
            payment.Date,
            payment.Amount,
            payment.BankFees,
            payment.Method,
            payment.Reference,
            payment.BankAccountCode,
            allocations = allocations.Select(a => new { a.InvoiceId, a.Amount }),
            r.CreditNoteId,
        });
        return payment;
    }
}

public static class RecordPayment
{
    public static void Map(RouteGroupBuilder payments) =>
        payments.MapPost("/", async Task<Created<PaymentResponse>> (PaymentRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var payment = await mediator.Send(new RecordPaymentCommand(body), ct);
                return TypedResults.Created($"/api/v1/payments/{payment.Id}", payment);
            })
            .WithName("RecordPayment")
            .WithSummary("Record a receipt or a refund")
            .WithDescription("A **receipt** (`direction: Receipt`) credits its customer with `amount` (what the customer paid; the bank gets `amount − bankFees`, the fees go to 627) and may be allocated at once to one or several invoices of that customer, partially or fully (`allocations`); what is not allocated stays as the customer's credit and can be allocated later (`POST /payments/{id}/allocations`). Without `customerId` the receipt is kept as unidentified (471) until `POST /payments/{id}/identify`. A **refund** (`direction: Refund`) pays back the customer's credit: the remaining amount of `creditNoteId`, or else its receipts' unallocated parts, oldest first (`refund_beyond_credit` otherwise). The bank-journal entry is written in the same transaction. " + PaymentsEndpoints.AllocationRules)
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(PaymentsExamples.Receipt, 201, PaymentsExamples.Recorded);
}
