using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Deliveries;

/// <summary>What of an order is delivered: per priced line ordered, delivered and left, the order's delivery status and its notes.
/// Also the message other features (the order page) ask.</summary>
public sealed record GetOrderDeliveriesQuery(Guid OrderId) : IQuery<OrderDeliveriesResponse>;

public sealed class GetOrderDeliveriesHandler(DeliveriesReader reader) : IQueryHandler<GetOrderDeliveriesQuery, OrderDeliveriesResponse>
{
    public async ValueTask<OrderDeliveriesResponse> Handle(GetOrderDeliveriesQuery query, CancellationToken cancellationToken) =>
        await reader.OrderDeliveriesAsync(query.OrderId, cancellationToken);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/orders/{id:guid}/deliveries", async Task<Ok<OrderDeliveriesResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrderDeliveriesQuery(id), ct)))
            .WithTags("Delivery notes")
            .WithName("GetOrderDeliveries")
            .WithSummary("What of an order is delivered")
            .WithDescription("Per priced order line: ordered, delivered (validated and delivered notes; drafts reserve nothing, cancelled notes gave theirs back) and left to deliver, and whether its product is deliverable; `deliveryStatus`: NotDeliverable (no deliverable line, or the order is not validated), NotDelivered, PartiallyDelivered (\"Partiellement livrée\"), Delivered (\"Livrée\"); and every note of the order, oldest first.")
            .RequirePermission(Permissions.DeliveryNotes, Access.Read)
            .WithProblems(404)
            .WithExamples(null, 200, DeliveriesExamples.OrderDeliveries);
}
