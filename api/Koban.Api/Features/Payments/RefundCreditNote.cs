using FluentValidation;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Payments;

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

/// <summary>Refunds what is left of a credit note: a refund payment recorded in the same transaction.</summary>
public sealed class RefundCreditNoteHandler(KobanDbContext db, RecordPaymentHandler payments, PaymentsReader reader)
    : ICommandHandler<RefundCreditNoteCommand, PaymentResponse>
{
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
        var payment = await payments.RecordAsync(new PaymentRequest(PaymentDirection.Refund, note.CustomerId, r.Date, AllocationRules.RefundAmount(note, r.Amount), r.Method,
            r.Reference ?? $"Remboursement {note.Reference}", r.BankAccountCode, CreditNoteId: command.CreditNoteId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.PaymentAsync(payment.Id, cancellationToken);
    }
}

public static class RefundCreditNote
{
    public static void Map(RouteGroupBuilder credits) =>
        credits.MapPost("/{id:guid}/refund", async Task<Created<PaymentResponse>> (Guid id, RefundCreditNoteRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var payment = await mediator.Send(new RefundCreditNoteCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/payments/{payment.Id}", payment);
            })
            .WithName("RefundCreditNote")
            .WithSummary("Refund what is left of a credit note (an outgoing payment)")
            .WithDescription("Records a refund payment for `amount` (default: all that is left of the credit note); bank-journal entry 411 / 512.")
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(PaymentsExamples.RefundCreditNote, 201, PaymentsExamples.Refunded);
}
