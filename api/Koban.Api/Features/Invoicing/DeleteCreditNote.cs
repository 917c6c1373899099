using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record DeleteCreditNoteCommand(Guid Id) : ICommand;

public sealed class DeleteCreditNoteHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<DeleteCreditNoteCommand>
{
    public async ValueTask<Unit> Handle(DeleteCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var note = await db.CreditNotes.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw new NotFoundException("creditNote", command.Id);
        note.EnsureDeletable();
        db.CreditNotes.Remove(note);
        audit.Record("creditNote.deleted", "creditNote", note.Id, before: new { note.InvoiceId, note.TotalIncludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static void Map(RouteGroupBuilder credits) =>
        credits.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteCreditNoteCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteCreditNote")
            .WithSummary("Delete a draft credit note")
            .WithDescription("Drafts only; a validated credit note is never deleted (409 `document_not_deletable`).")
            .RequirePermission(Permissions.CreditNotes, Access.Write)
            .WithProblems(409);
}
