using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

/// <summary>A deleted draft period invoice frees its period: the row goes with the draft, in the deletion's transaction,
/// and the next billing run bills the period again (with the contract's prices of that day).</summary>
public sealed class FreeContractPeriodOfDeletedInvoice(KobanDbContext db) : INotificationHandler<DraftInvoiceDeleted>
{
    public async ValueTask Handle(DraftInvoiceDeleted notification, CancellationToken cancellationToken)
    {
        var periods = await db.ContractPeriods.Where(p => p.InvoiceId == notification.InvoiceId).ToListAsync(cancellationToken);
        db.ContractPeriods.RemoveRange(periods);
    }
}
