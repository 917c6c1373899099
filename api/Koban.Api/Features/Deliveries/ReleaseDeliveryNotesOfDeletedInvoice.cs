using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Deliveries;

/// <summary>A deleted draft invoice gives its delivery notes back: they can be invoiced again. Saved by the deletion, in its transaction.</summary>
public sealed class ReleaseDeliveryNotesOfDeletedInvoice(KobanDbContext db, AuditLog audit) : INotificationHandler<DraftInvoiceDeleted>
{
    public async ValueTask Handle(DraftInvoiceDeleted notification, CancellationToken cancellationToken)
    {
        var notes = await db.DeliveryNotes.Where(n => n.InvoiceId == notification.InvoiceId).ToListAsync(cancellationToken);
        foreach (var note in notes)
        {
            note.ReleaseInvoice(notification.InvoiceId);
            audit.Record("deliveryNote.invoiceReleased", "deliveryNote", note.Id, before: new { notification.InvoiceId });
        }
    }
}
