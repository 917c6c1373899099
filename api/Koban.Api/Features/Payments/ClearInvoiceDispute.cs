using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Payments;

public sealed record ClearInvoiceDisputeCommand(Guid InvoiceId) : ICommand<InvoicePaymentResponse>;

/// <summary>Clears an invoice's dispute flag: it is reminded again like any other.</summary>
public sealed class ClearInvoiceDisputeHandler(KobanDbContext db, ReceivablesLedger ledger, AuditLog audit, PaymentsReader reader)
    : ICommandHandler<ClearInvoiceDisputeCommand, InvoicePaymentResponse>
{
    public async ValueTask<InvoicePaymentResponse> Handle(ClearInvoiceDisputeCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await ledger.LockInvoiceAsync(command.InvoiceId, cancellationToken);
        var before = new { item.Disputed, item.DisputeReason };
        item.ClearDispute();
        audit.Record("invoice.disputeCleared", "invoice", command.InvoiceId, before: before, after: new { item.Disputed, item.DisputeReason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.RequiredInvoicePaymentsAsync(command.InvoiceId, cancellationToken);
    }
}

public static class ClearInvoiceDispute
{
    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapDelete("/{id:guid}/dispute", async Task<Ok<InvoicePaymentResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ClearInvoiceDisputeCommand(id), ct)))
            .WithName("ClearInvoiceDispute")
            .WithSummary("Clear an invoice's dispute flag")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(404, 409)
            .WithExamples(null, 200, PaymentsExamples.InvoicePayments);
}
