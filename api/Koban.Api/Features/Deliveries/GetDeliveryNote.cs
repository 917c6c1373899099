using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Deliveries;

public sealed record GetDeliveryNoteQuery(Guid Id) : IQuery<Versioned<DeliveryNoteResponse>>;

public sealed class GetDeliveryNoteHandler(DeliveriesReader reader) : IQueryHandler<GetDeliveryNoteQuery, Versioned<DeliveryNoteResponse>>
{
    public async ValueTask<Versioned<DeliveryNoteResponse>> Handle(GetDeliveryNoteQuery query, CancellationToken cancellationToken) =>
        await reader.NoteAsync(query.Id, cancellationToken);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<DeliveryNoteResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetDeliveryNoteQuery(id), ct)).Ok(response))
            .WithName("GetDeliveryNote")
            .WithSummary("Get a delivery note")
            .WithDescription("Lines (order line, wording, unit, quantity, the order line's price), delivery address, status and its dates (issue, delivered on, received by, cancellation), and the invoice billing it. The `ETag` is the version `PUT` needs in `If-Match`.")
            .RequirePermission(Permissions.DeliveryNotes, Access.Read)
            .WithProblems(404)
            .WithExamples(null, 200, DeliveriesExamples.Delivered);
}
