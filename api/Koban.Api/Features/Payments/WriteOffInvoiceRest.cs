using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Payments;

public sealed record WriteOffInvoiceCommand(Guid InvoiceId, WriteOffRequest Request) : ICommand<InvoicePaymentResponse>;

/// <summary>Writes off the small rest still due on an invoice as a loss (658).</summary>
public sealed class WriteOffInvoiceHandler(KobanDbContext db, ReceivablesLedger ledger, AuditLog audit, PaymentsReader reader)
    : ICommandHandler<WriteOffInvoiceCommand, InvoicePaymentResponse>
{
    public async ValueTask<InvoicePaymentResponse> Handle(WriteOffInvoiceCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await ledger.LockInvoiceAsync(command.InvoiceId, cancellationToken);
        var amount = item.Outstanding;
        await ledger.WriteOffAsync(item, command.Request.Date, cancellationToken);
        audit.Record("invoice.writtenOff", "invoice", command.InvoiceId, after: new { amount });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.RequiredInvoicePaymentsAsync(command.InvoiceId, cancellationToken);
    }
}

public static class WriteOffInvoiceRest
{
    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapPost("/{id:guid}/write-off", async Task<Ok<InvoicePaymentResponse>> (Guid id, WriteOffRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WriteOffInvoiceCommand(id, body ?? new WriteOffRequest()), ct)))
            .WithName("WriteOffInvoiceRest")
            .WithSummary("Write off the small rest still due on an invoice (loss, 658)")
            .WithDescription("Settles what is left, up to the accounting settings' `writeOffLimit` (`write_off_beyond_limit` otherwise); OD entry 658 / 411.")
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(PaymentsExamples.WriteOff, 200, PaymentsExamples.InvoiceWrittenOff);
}
