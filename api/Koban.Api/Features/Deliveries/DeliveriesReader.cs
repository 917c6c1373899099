using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Deliveries;
using Koban.Domain.Documents;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Deliveries;

/// <summary>Builds every delivery-note response (one note, list rows, an order's deliveries) and loads an order's
/// deliveries (<see cref="OrderDeliveries"/>) for the use cases that check quantities.</summary>
public sealed class DeliveriesReader(KobanDbContext db)
{
    /// <summary>The order, which of its lines are deliverable, and every note of the order replayed into its ledger.
    /// Unknown order: <paramref name="field"/> given → 422 <c>reference_not_found</c> on it, else 404.</summary>
    public async Task<OrderDeliveries> DeliveriesAsync(Guid orderId, string? field, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct)
            ?? throw (field is null ? new NotFoundException("order", orderId) : new ReferenceNotFoundException(field));
        var productIds = order.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var deliverable = (await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id) && p.Deliverable).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var notes = await db.DeliveryNotes.Where(n => n.OrderId == orderId && (n.Status == DeliveryNoteStatus.Validated || n.Status == DeliveryNoteStatus.Delivered))
            .ToListAsync(ct);
        return OrderDeliveries.Replay(order, deliverable.Contains, notes);
    }

    public async Task<Versioned<DeliveryNoteResponse>> NoteAsync(Guid id, CancellationToken ct)
    {
        var note = await db.DeliveryNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("delivery note", id);
        return Versioned.Of(await ResponseAsync(note, ct), note.Version);
    }

    public async Task<DeliveryNoteResponse> ResponseAsync(DeliveryNote note, CancellationToken ct)
    {
        var parts = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => o.Id == note.OrderId).Select(o => new
        {
            o.Number,
            o.CustomerReference,
            CustomerName = db.Customers.Where(c => c.Id == note.CustomerId).Select(c => c.Name).FirstOrDefault(),
            InvoiceNumber = db.BillingDocuments.Where(d => d.Id == note.InvoiceId).Select(d => d.Number).FirstOrDefault(),
        }).SingleAsync(ct);
        return new DeliveryNoteSource(note, parts.Number ?? "", parts.CustomerName ?? "", parts.CustomerReference, parts.InvoiceNumber, note.Lines.Sum(l => l.NetAmount))
            .MapTo<DeliveryNoteResponse>();
    }

    public async Task<List<DeliveryNoteSummary>> SummariesAsync(IReadOnlyList<DeliveryNote> rows, CancellationToken ct)
    {
        var orderIds = rows.Select(n => n.OrderId).Distinct().ToList();
        var customerIds = rows.Select(n => n.CustomerId).Distinct().ToList();
        var orders = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Number ?? "", ct);
        var customers = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. rows.Select(n => new DeliveryNoteSummarySource(n, orders.GetValueOrDefault(n.OrderId, ""), customers.GetValueOrDefault(n.CustomerId, ""),
            n.Lines.Sum(l => l.Quantity)).MapTo<DeliveryNoteSummary>())];
    }

    public async Task<OrderDeliveriesResponse> OrderDeliveriesAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new NotFoundException("order", orderId);
        var notes = await db.DeliveryNotes.AsNoTracking().Where(n => n.OrderId == orderId).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        if (order.Status is not (OrderStatus.InProgress or OrderStatus.Closed))
        {
            var full = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
            return new OrderDeliveriesResponse(order.Id, order.Number, OrderDeliveryStatus.NotDeliverable, [.. full.Lines.Where(l => l.Kind.IsPriced())
                .Select(l => new OrderDeliveryLineResponse(l.Id, l.Position, l.Description, l.UnitCode, false, l.Quantity, 0m, 0m))], await SummariesAsync(notes, ct));
        }
        var deliveries = await DeliveriesAsync(orderId, null, ct);
        return new OrderDeliveriesResponse(order.Id, order.Number, deliveries.Status, [.. deliveries.Lines.Select(l => l.MapTo<OrderDeliveryLineResponse>())],
            await SummariesAsync(notes, ct));
    }
}
