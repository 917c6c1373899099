using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record CloseOrderCommand(Guid Id) : ICommand<OrderResponse>;

public sealed class CloseOrderHandler(KobanDbContext db, AuditLog audit, OrderReader reader) : ICommandHandler<CloseOrderCommand, OrderResponse>
{
    public async ValueTask<OrderResponse> Handle(CloseOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("order", command.Id);
        order.Close();
        audit.Record("order.closed", "order", order.Id);
        await db.SaveChangesAsync(cancellationToken);
        return await reader.ResponseAsync(order, cancellationToken);
    }
}

internal static class CloseOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/close", async Task<Ok<OrderResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CloseOrderCommand(id), ct)))
            .WithName("CloseOrder")
            .WithSummary("Close a complete order")
            .WithDescription("Marks a validated order complete. 409 `invalid_state_transition` from another state.")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, SalesOpenApiExamples.OrderClosed);
}
