using Koban.Api.Features.Deliveries;
using Koban.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Demo;

/// <summary>Delivery notes of the demo company: Brauerei Müller's order PO-4471 (4 oak shelves, 6 h of fitting) is
/// partially delivered — one note of 2 shelves, validated three days ago and delivered the day after — so the order shows
/// "Partiellement livrée" with 2 delivered and 2 left, and its ledger counts the 2 delivered shelves.</summary>
internal static class DeliveryDemo
{
    public static async Task SeedAsync(IMediator mediator, KobanDbContext db, DateOnly today, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.CustomerReference == "PO-4471", ct);
        var shelves = await db.Products.AsNoTracking().Where(p => p.Code == "ETAG-CH").Select(p => p.Id).SingleAsync(ct);
        var line = order.Lines.Single(l => l.ProductId == shelves);
        var (note, _) = await mediator.Send(new CreateDeliveryNoteCommand(new CreateDeliveryNoteRequest(order.Id, [new DeliveryNoteLineRequest(line.Id, 2m)],
            today.AddDays(-2), null, "Livraison par l'entrée de l'atelier, prévenir 30 minutes avant.", ShowPrices: false)), ct);
        await mediator.Send(new ValidateDeliveryNoteCommand(note.Id, today.AddDays(-3)), ct);
        await mediator.Send(new DeliverDeliveryNoteCommand(note.Id, new DeliverDeliveryNoteRequest(today.AddDays(-2), "Hans Müller", "Colis complet, sans réserve.")), ct);
    }
}
