using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>A deleted draft invoice gives its billing-schedule milestone back: the milestone becomes due again. Saved by
/// the deletion, in its transaction.</summary>
public sealed class ReleaseMilestoneOfDeletedInvoice(KobanDbContext db) : INotificationHandler<DraftInvoiceDeleted>
{
    public async ValueTask Handle(DraftInvoiceDeleted notification, CancellationToken cancellationToken)
    {
        if (notification is not { MilestoneId: { } milestoneId, OrderId: { } orderId }) return;
        var schedule = await db.Set<BillingSchedule>().SingleOrDefaultAsync(s => s.OrderId == orderId, cancellationToken);
        if (schedule?.Milestones.Any(m => m.Id == milestoneId && m.InvoiceId == notification.InvoiceId) == true) schedule.UnlinkInvoice(milestoneId);
    }
}
