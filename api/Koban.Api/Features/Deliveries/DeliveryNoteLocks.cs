using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Deliveries;

/// <summary>
/// The locks of the transitions that change what is delivered on an order (validation, cancellation), taken inside the
/// caller's transaction: the order row first (so two notes of one order are validated or cancelled one after the other
/// and each replays the other's result), then the note's row (so an invoice taking the note and its cancellation queue).
/// The note is read after both locks, so its state is the committed one.
/// </summary>
internal static class DeliveryNoteLocks
{
    public static async Task<DeliveryNote> LockAsync(KobanDbContext db, Guid noteId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Delivery notes are locked inside the caller's transaction.");
        var orderId = await db.DeliveryNotes.AsNoTracking().IgnoreAutoIncludes().Where(n => n.Id == noteId).Select(n => (Guid?)n.OrderId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("delivery note", noteId);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM delivery_notes WHERE id = {noteId} FOR UPDATE", ct);
        return await db.DeliveryNotes.SingleAsync(n => n.Id == noteId, ct);
    }
}
