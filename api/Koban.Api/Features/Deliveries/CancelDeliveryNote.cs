using FluentValidation;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Deliveries;

public sealed record CancelDeliveryNoteCommand(Guid Id, CancelDeliveryNoteRequest Request) : ICommand<Versioned<DeliveryNoteResponse>>;

public sealed class CancelDeliveryNoteCommandValidator : AbstractValidator<CancelDeliveryNoteCommand>
{
    public CancelDeliveryNoteCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new CancelDeliveryNoteRequestValidator()).OverridePropertyName("");
}

/// <summary>Cancels a validated or delivered note that no invoice took: its quantities are left to deliver again.</summary>
public sealed class CancelDeliveryNoteHandler(DeliveryNoteTransition transition, DeliveriesReader reader, TimeProvider clock)
    : ICommandHandler<CancelDeliveryNoteCommand, Versioned<DeliveryNoteResponse>>
{
    public ValueTask<Versioned<DeliveryNoteResponse>> Handle(CancelDeliveryNoteCommand command, CancellationToken cancellationToken) =>
        transition.ApplyAsync(command.Id, async (note, ct) =>
        {
            var deliveries = await reader.DeliveriesAsync(note.OrderId, null, ct);
            var previous = note.Status;
            note.Cancel(command.Request.Reason, clock.GetUtcNow(), deliveries);
            return new DeliveryNoteAuditEntry("deliveryNote.cancelled", new { status = previous }, new { note.CancellationReason });
        }, cancellationToken);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/cancel", async Task<Ok<DeliveryNoteResponse>> (Guid id, CancelDeliveryNoteRequest body, IMediator mediator, HttpResponse response,
                CancellationToken ct) =>
                (await mediator.Send(new CancelDeliveryNoteCommand(id, body), ct)).Ok(response))
            .WithName("CancelDeliveryNote")
            .WithSummary("Cancel a validated or delivered delivery note")
            .WithDescription("With a `reason` (400 `validation_failed` when missing). The note keeps its number (the series stays gapless) and its quantities are left to deliver again on the order. Never once invoiced (409 `delivery_note_invoiced`: credit the invoice first); a draft is deleted instead (409 `invalid_state_transition`).")
            .RequirePermission(Permissions.DeliveryNotes, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(DeliveriesExamples.CancelRequest, 200, DeliveriesExamples.Cancelled);
}
