using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
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
public sealed class CancelDeliveryNoteHandler(KobanDbContext db, AuditLog audit, DeliveriesReader reader, TimeProvider clock)
    : ICommandHandler<CancelDeliveryNoteCommand, Versioned<DeliveryNoteResponse>>
{
    public async ValueTask<Versioned<DeliveryNoteResponse>> Handle(CancelDeliveryNoteCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var note = await DeliveryNoteLocks.LockAsync(db, command.Id, cancellationToken);
        var deliveries = await reader.DeliveriesAsync(note.OrderId, null, cancellationToken);
        var previous = note.Status;
        note.Cancel(command.Request.Reason, clock.GetUtcNow(), deliveries);
        audit.Record("deliveryNote.cancelled", "deliveryNote", note.Id, before: new { status = previous }, after: new { note.CancellationReason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(note, cancellationToken), note.Version);
    }

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
