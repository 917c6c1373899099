using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record GetOrderQuery(Guid Id, string? Expand = null) : IQuery<Versioned<OrderResponse>>;

public sealed class GetOrderHandler(KobanDbContext db, OrderReader reader) : IQueryHandler<GetOrderQuery, Versioned<OrderResponse>>
{
    public async ValueTask<Versioned<OrderResponse>> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        var expand = Expansions.Wants(query.Expand, Expansions.Customer);
        // One statement: the order joined with its lines (the read of the other parts is one more, see OrderReader).
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.Id, cancellationToken) ?? throw new NotFoundException("order", query.Id);
        return Versioned.Of(await reader.ResponseAsync(order, cancellationToken, withCustomer: expand), order.Version);
    }
}

internal static class GetOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<OrderResponse>> (Guid id, string? expand, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetOrderQuery(id, expand), ct)).Ok(response))
            .WithName("GetOrder")
            .WithSummary("Get an order: lines, totals, what is left to invoice, linked documents, history")
            .WithDescription("`billing` (validated orders) gives, overall, per line and per VAT rate, what was ordered, invoiced (deposits included, net of correction credit notes) and is left to invoice. `linkedDocuments` is the timeline of documents (quote now; invoices, payments and deliveries as they come); `history` the audit trail of the order. `expand=customer` embeds the customer's summary.")
            .RequirePermission(Permissions.Orders, Access.Read)
            .WithExamples(null, 200, SalesOpenApiExamples.Order);
}
