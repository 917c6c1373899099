using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record CancelOrderCommand(Guid Id, string? Reason) : ICommand<OrderResponse>;

public sealed class CancelOrderHandler(KobanDbContext db, AuditLog audit, OrderReader reader) : ICommandHandler<CancelOrderCommand, OrderResponse>
{
    /// <summary>Only while nothing has been invoiced or delivered: the ledger replayed from the order's validated documents says so.</summary>
    public async ValueTask<OrderResponse> Handle(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("order", command.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await reader.LedgerAsync(order, cancellationToken) is { } ledger) order.Cancel(command.Reason ?? string.Empty, ledger);
        else order.Cancel(command.Reason ?? string.Empty, hasInvoicingOrDelivery: false);
        audit.Record("order.cancelled", "order", order.Id, after: new { command.Reason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.ResponseAsync(order, cancellationToken);
    }
}

internal static class CancelOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/cancel", async Task<Ok<OrderResponse>> (Guid id, CancelOrderRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelOrderCommand(id, body.Reason), ct)))
            .WithName("CancelOrder")
            .WithSummary("Cancel a validated order")
            .WithDescription("Only while nothing has been invoiced (deposits included) or delivered (409 `order_has_invoicing_or_delivery`), with a reason (422 `cancellation_reason_required`). The number stays used, so the sequence keeps no gap.")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(SalesOpenApiExamples.CancelRequest, 200, SalesOpenApiExamples.OrderCancelled);
}
