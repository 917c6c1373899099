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

public sealed record CancelPaymentCommand(Guid Id, CancelPaymentRequest Request) : ICommand<PaymentResponse>;

public sealed class CancelPaymentCommandValidator : AbstractValidator<CancelPaymentCommand>
{
    public CancelPaymentCommandValidator() => RuleFor(c => c.Request.Reason).NotEmpty().MaximumLength(500).OverridePropertyName("reason");
}

/// <summary>Cancels a payment entered by mistake: its allocations undone, its entries reversed by mirror entries.</summary>
public sealed class CancelPaymentHandler(KobanDbContext db, ReceivablesLedger ledger, AccountingBooks books, AuditLog audit, CurrentActor actor, PaymentsReader reader,
    TimeProvider clock) : ICommandHandler<CancelPaymentCommand, PaymentResponse>
{
    public async ValueTask<PaymentResponse> Handle(CancelPaymentCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await ledger.LockPaymentAsync(command.Id, cancellationToken);
        var reason = command.Request.Reason.Trim();
        payment.Cancel(reason, clock.GetUtcNow(), actor.UserId);
        var context = await books.ContextAsync(cancellationToken);
        var kind = payment.Direction == PaymentDirection.Receipt ? ReceivableKind.Receipt : ReceivableKind.Refund;
        var item = (await ledger.LockAsync([payment.Id], kind, cancellationToken)).SingleOrDefault();
        if (item is not null) await ledger.ReleaseAsync(item, reason, cancellationToken);
        var label = $"Annulation : {reason}";
        var entries = await db.JournalEntries.Include(e => e.Lines)
            .Where(e => e.SourceId == payment.Id && (e.Source == EntrySource.Receipt || e.Source == EntrySource.Refund || e.Source == EntrySource.ReceiptIdentified))
            .ToListAsync(cancellationToken);
        foreach (var entry in entries)
            books.Post(entry.Reverse(EntrySource.PaymentCancelled, entry.ReversalDate(context.Today), context.FiscalYearStartMonth, Clip(label), context.Today, context.Now));
        audit.Record("payment.cancelled", "payment", payment.Id, before: new { payment.Amount, payment.CustomerId }, after: new { reason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.PaymentAsync(payment.Id, cancellationToken);
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200];
}

public static class CancelPayment
{
    public static void Map(RouteGroupBuilder payments) =>
        payments.MapPost("/{id:guid}/cancel", async Task<Ok<PaymentResponse>> (Guid id, CancelPaymentRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelPaymentCommand(id, body), ct)))
            .WithName("CancelPayment")
            .WithSummary("Cancel a payment entered by mistake")
            .WithDescription("A payment is never deleted: it is marked cancelled with the reason (audit log), its allocations are undone (the invoices are owed again) and its entries are reversed by mirror entries dated today.")
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(PaymentsExamples.Cancel, 200, PaymentsExamples.Cancelled);
}
