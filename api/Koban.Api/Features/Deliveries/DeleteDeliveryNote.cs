using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Deliveries;

public sealed record DeleteDeliveryNoteCommand(Guid Id) : ICommand;

/// <summary>Deletes a draft note: it had reserved nothing.</summary>
public sealed class DeleteDeliveryNoteHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<DeleteDeliveryNoteCommand>
{
    public async ValueTask<Unit> Handle(DeleteDeliveryNoteCommand command, CancellationToken cancellationToken)
    {
        var note = await db.DeliveryNotes.SingleOrDefaultAsync(n => n.Id == command.Id, cancellationToken) ?? throw new NotFoundException("delivery note", command.Id);
        note.EnsureDeletable();
        db.DeliveryNotes.Remove(note);
        audit.Record("deliveryNote.deleted", "deliveryNote", note.Id, before: new { note.OrderId, lines = note.Lines.Select(l => new { l.OrderLineId, l.Quantity }) });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteDeliveryNoteCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteDeliveryNote")
            .WithSummary("Delete a draft delivery note")
            .WithDescription("A draft (no number) can be deleted. A validated or delivered note is never deleted (409 `document_not_deletable`): cancel it with a reason, which gives its quantities back.")
            .RequirePermission(Permissions.DeliveryNotes, Access.Write)
            .WithProblems(409);
}
