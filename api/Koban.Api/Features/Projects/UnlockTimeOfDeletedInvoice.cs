using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

/// <summary>A deleted draft invoice gives its time back: the entries it billed are unlocked and billable again, saved with
/// the deletion (the notification is published in its transaction).</summary>
public sealed class UnlockTimeOfDeletedInvoice(KobanDbContext db) : INotificationHandler<DraftInvoiceDeleted>
{
    public async ValueTask Handle(DraftInvoiceDeleted notification, CancellationToken cancellationToken)
    {
        var entries = await db.TimeEntries.Where(e => e.InvoiceId == notification.InvoiceId).ToListAsync(cancellationToken);
        foreach (var entry in entries) entry.Unlock();
    }
}
