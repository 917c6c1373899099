using FluentValidation;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Deliveries;

public sealed record DeliverDeliveryNoteCommand(Guid Id, DeliverDeliveryNoteRequest Request) : ICommand<Versioned<DeliveryNoteResponse>>;

public sealed class DeliverDeliveryNoteCommandValidator : AbstractValidator<DeliverDeliveryNoteCommand>
{
    public DeliverDeliveryNoteCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new DeliverDeliveryNoteRequestValidator()).OverridePropertyName("");
}

/// <summary>Records the hand-over of a validated note: date, who received it, remarks.</summary>
public sealed class DeliverDeliveryNoteHandler(DeliveryNoteTransition transition, CompanyClock companyClock)
    : ICommandHandler<DeliverDeliveryNoteCommand, Versioned<DeliveryNoteResponse>>
{
    public ValueTask<Versioned<DeliveryNoteResponse>> Handle(DeliverDeliveryNoteCommand command, CancellationToken cancellationToken) =>
        transition.ApplyAsync(command.Id, async (note, ct) =>
        {
            var r = command.Request;
            note.MarkDelivered(r.DeliveredOn!.Value, await companyClock.TodayAsync(ct), r.ReceivedBy, r.Remarks);
            return new DeliveryNoteAuditEntry("deliveryNote.delivered", null, new { note.DeliveredOn, note.ReceivedBy, note.DeliveryRemarks });
        }, cancellationToken);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/deliver", async Task<Ok<DeliveryNoteResponse>> (Guid id, DeliverDeliveryNoteRequest body, IMediator mediator, HttpResponse response,
                CancellationToken ct) =>
                (await mediator.Send(new DeliverDeliveryNoteCommand(id, body), ct)).Ok(response))
            .WithName("DeliverDeliveryNote")
            .WithSummary("Mark a validated delivery note as delivered")
            .WithDescription("A validated note only (409 `invalid_state_transition` otherwise). `deliveredOn` is never before the note's date (422 `delivery_date_before_issue`) nor in the future (422 `issue_date_in_future`); `deliveredOn` and `receivedBy` (who signed) are required (400 `validation_failed` naming the field). The delivered date becomes the date of sale of the invoice made from the note.")
            .RequirePermission(Permissions.DeliveryNotes, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(DeliveriesExamples.DeliverRequest, 200, DeliveriesExamples.Delivered);
}
