using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Deliveries;

namespace Koban.Api.Features.Deliveries;

/// <summary>What a transition asks the audit log to record: its action and the values before and after it.</summary>
public sealed record DeliveryNoteAuditEntry(string Action, object? Before, object After);

/// <summary>
/// The one shape of a status change of a numbered note (deliver, cancel): in one transaction, the order's and the note's
/// rows locked (<see cref="DeliveryNoteLocks"/>: a delivery, a cancellation and an invoice taking the note queue), the
/// domain's transition, its audit entry, save, commit, and the note with its new version. Each use case keeps its own
/// file, command and endpoint; only this body is shared.
/// </summary>
public sealed class DeliveryNoteTransition(KobanDbContext db, AuditLog audit, DeliveriesReader reader)
{
    public async ValueTask<Versioned<DeliveryNoteResponse>> ApplyAsync(Guid id, Func<DeliveryNote, CancellationToken, Task<DeliveryNoteAuditEntry>> transition,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var note = await DeliveryNoteLocks.LockAsync(db, id, cancellationToken);
        var entry = await transition(note, cancellationToken);
        audit.Record(entry.Action, "deliveryNote", note.Id, entry.Before, entry.After);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(note, cancellationToken), note.Version);
    }
}
