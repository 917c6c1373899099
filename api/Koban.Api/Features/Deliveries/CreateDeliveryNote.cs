using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Deliveries;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Deliveries;

public sealed record CreateDeliveryNoteCommand(CreateDeliveryNoteRequest Request) : ICommand<Versioned<DeliveryNoteResponse>>;

public sealed class CreateDeliveryNoteCommandValidator : AbstractValidator<CreateDeliveryNoteCommand>
{
    public CreateDeliveryNoteCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new CreateDeliveryNoteRequestValidator()).OverridePropertyName("");
}

/// <summary>A draft note for chosen quantities of a validated order's deliverable lines (by default everything left).</summary>
public sealed class CreateDeliveryNoteHandler(KobanDbContext db, AuditLog audit, DeliveriesReader reader, TimeProvider clock)
    : ICommandHandler<CreateDeliveryNoteCommand, Versioned<DeliveryNoteResponse>>
{
    public async ValueTask<Versioned<DeliveryNoteResponse>> Handle(CreateDeliveryNoteCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var deliveries = await reader.DeliveriesAsync(r.OrderId, "orderId", cancellationToken);
        if (r.Lines is { Count: > 0 })
            await References.EnsureExistAsync<OrderLine>(db, [.. r.Lines.Select(l => l.OrderLineId)], i => $"lines[{i}].orderLineId", cancellationToken);
        var note = DeliveryNote.Create(deliveries, new DeliveryNoteDraftData(r.Lines?.Select(l => (l.OrderLineId, l.Quantity)).ToList(), r.PlannedDate,
            r.DeliveryAddress?.ToDomain(), r.Remarks, r.ShowPrices ?? false), clock.GetUtcNow());
        db.DeliveryNotes.Add(note);
        audit.Record("deliveryNote.created", "deliveryNote", note.Id, after: new { note.OrderId, lines = note.Lines.Select(l => new { l.OrderLineId, l.Quantity }) });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(note, cancellationToken), note.Version);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<DeliveryNoteResponse>> (CreateDeliveryNoteRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var note = await mediator.Send(new CreateDeliveryNoteCommand(body), ct);
                return note.Created(response, $"/api/v1/delivery-notes/{note.Value.Id}");
            })
            .WithName("CreateDeliveryNote")
            .WithSummary("Create a draft delivery note from a validated order")
            .WithDescription("A draft (no number) for the deliverable lines of a validated order (409 `order_not_validated` otherwise; unknown order 422 `reference_not_found` on `orderId`). `lines` omitted: every deliverable line at the quantity left to deliver (409 `nothing_left_to_deliver` when nothing is left). Each line names an order line of the order (422 `order_line_not_found`), whose product is flagged Deliverable (422 `order_line_not_deliverable`), with a positive quantity of at most 3 decimals (422 `line_quantity_invalid`) never beyond what is left to deliver = ordered − validated and delivered notes (422 `beyond_left_to_deliver` on `lines[i].quantity`, with `leftToDeliver`). A draft reserves nothing: quantities are checked again at validation. The delivery address defaults to the order's; `showPrices` (default false) prints unit prices and amounts.")
            .RequirePermission(Permissions.DeliveryNotes, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(DeliveriesExamples.CreateRequest, 201, DeliveriesExamples.Draft);
}
