using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Payments;

public sealed record WriteOffPaymentRestCommand(Guid Id, WriteOffRequest Request) : ICommand<PaymentResponse>;

/// <summary>Writes off the small unallocated rest of a receipt as a gain (758).</summary>
public sealed class WriteOffPaymentRestHandler(KobanDbContext db, ReceivablesLedger ledger, AuditLog audit, PaymentsReader reader)
    : ICommandHandler<WriteOffPaymentRestCommand, PaymentResponse>
{
    public async ValueTask<PaymentResponse> Handle(WriteOffPaymentRestCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (payment, item) = await ledger.LockReceiptAsync(command.Id, cancellationToken);
        await ledger.WriteOffAsync(item, command.Request.Date, cancellationToken);
        audit.Record("payment.writtenOff", "payment", payment.Id, after: new { amount = item.Settled });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.PaymentAsync(payment.Id, cancellationToken);
    }
}

public static class WriteOffPaymentRest
{
    public static void Map(RouteGroupBuilder payments) =>
        payments.MapPost("/{id:guid}/write-off", async Task<Ok<PaymentResponse>> (Guid id, WriteOffRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WriteOffPaymentRestCommand(id, body ?? new WriteOffRequest()), ct)))
            .WithName("WriteOffPaymentRest")
            .WithSummary("Write off the small unallocated rest of a receipt (gain, 758)")
            .WithDescription("Only up to the accounting settings' `writeOffLimit` (`write_off_beyond_limit` otherwise).")
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(PaymentsExamples.WriteOff, 200, PaymentsExamples.Recorded);
}
