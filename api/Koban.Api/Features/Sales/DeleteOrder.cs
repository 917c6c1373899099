using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record DeleteOrderCommand(Guid Id) : ICommand;

public sealed class DeleteOrderHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<DeleteOrderCommand>
{
    public async ValueTask<Unit> Handle(DeleteOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("order", command.Id);
        order.EnsureDeletable();
        db.Orders.Remove(order);
        audit.Record("order.deleted", "order", order.Id, before: new { order.CustomerId, order.TotalExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class DeleteOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteOrderCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteOrder")
            .WithSummary("Delete a draft order")
            .WithDescription("Only a draft (no number) can be deleted; a validated order is cancelled instead (409 `document_not_deletable`).")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409);
}
