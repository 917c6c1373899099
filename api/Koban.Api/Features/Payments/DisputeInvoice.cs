using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Payments;

/// <summary>Flags an invoice as disputed; the reason is required (<c>dispute_reason_required</c> when blank).</summary>
public sealed record DisputeInvoiceCommand(Guid InvoiceId, string Reason) : ICommand<InvoicePaymentResponse>;

public sealed class DisputeInvoiceCommandValidator : AbstractValidator<DisputeInvoiceCommand>
{
    public DisputeInvoiceCommandValidator() => RuleFor(c => c.Reason).MaximumLength(500).OverridePropertyName("reason");
}

/// <summary>A disputed invoice stays in receivables, shown as disputed, and gets no reminders until the flag is cleared.</summary>
public sealed class DisputeInvoiceHandler(KobanDbContext db, ReceivablesLedger ledger, AuditLog audit, PaymentsReader reader, TimeProvider clock)
    : ICommandHandler<DisputeInvoiceCommand, InvoicePaymentResponse>
{
    public async ValueTask<InvoicePaymentResponse> Handle(DisputeInvoiceCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await ledger.LockInvoiceAsync(command.InvoiceId, cancellationToken);
        var before = new { item.Disputed, item.DisputeReason };
        item.FlagDispute(command.Reason, clock.GetUtcNow());
        audit.Record("invoice.disputed", "invoice", command.InvoiceId, before: before, after: new { item.Disputed, item.DisputeReason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.RequiredInvoicePaymentsAsync(command.InvoiceId, cancellationToken);
    }
}

public static class DisputeInvoice
{
    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapPost("/{id:guid}/dispute", async Task<Ok<InvoicePaymentResponse>> (Guid id, DisputeRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DisputeInvoiceCommand(id, body.Reason ?? ""), ct)))
            .WithName("DisputeInvoice")
            .WithSummary("Flag an invoice as disputed")
            .WithDescription("A disputed invoice stays in receivables, shown as disputed, and gets no reminders until the flag is cleared. The reason is required (`dispute_reason_required`) and kept in the audit log.")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(PaymentsExamples.Dispute, 200, PaymentsExamples.InvoiceDisputed);
}
