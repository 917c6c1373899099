using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Sales;

namespace Koban.Domain.Deliveries;

/// <summary>One priced line of an order as deliveries see it.</summary>
public sealed record OrderDeliveryLine(Guid OrderLineId, int Position, string Description, string? UnitCode, bool Deliverable, decimal OrderedQuantity,
    decimal DeliveredQuantity, decimal LeftToDeliverQuantity);

/// <summary>
/// What of an order has been delivered, replayed from its delivery notes into the order's <see cref="OrderBillingLedger"/>
/// (<see cref="OrderBillingLedger.RecordDelivery"/>), so the ledger's delivered quantity per line (kept within 0..ordered)
/// stays the single source. Left to deliver = ordered − quantities of the validated and delivered notes (drafts reserve
/// nothing; cancelled notes gave theirs back). Only lines whose product is deliverable can be delivered.
/// </summary>
public sealed class OrderDeliveries
{
    private readonly HashSet<Guid> _deliverable;

    private OrderDeliveries(Order order, OrderBillingLedger ledger, HashSet<Guid> deliverable)
    {
        Order = order;
        Ledger = ledger;
        _deliverable = deliverable;
    }

    public Order Order { get; }
    public OrderBillingLedger Ledger { get; }

    /// <summary><paramref name="isDeliverableProduct"/> answers for a line's product id (null on a free line: never deliverable).
    /// <paramref name="notes"/> are every note of the order; only the validated and delivered ones count.</summary>
    public static OrderDeliveries Replay(Order order, Func<Guid, bool> isDeliverableProduct, IEnumerable<DeliveryNote> notes)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(isDeliverableProduct);
        ArgumentNullException.ThrowIfNull(notes);
        if (order.Status is not (OrderStatus.InProgress or OrderStatus.Closed))
            throw new DomainConflictException(ErrorCodes.OrderNotValidated, $"Order {order.Id} is {order.Status}.") { Field = "orderId" };
        var ledger = OrderBillingLedger.For(order);
        var deliverable = order.Lines.Where(l => l.Kind.IsPriced() && l.ProductId is { } p && isDeliverableProduct(p)).Select(l => l.Id).ToHashSet();
        var deliveries = new OrderDeliveries(order, ledger, deliverable);
        foreach (var note in notes.Where(n => n.OrderId == order.Id && n.CountsAsDelivered))
        {
            foreach (var line in note.Lines)
                ledger.RecordDelivery(line.OrderLineId, line.Quantity);
        }
        return deliveries;
    }

    public bool IsDeliverable(Guid orderLineId) => _deliverable.Contains(orderLineId);

    public decimal DeliveredQuantity(Guid orderLineId) => LedgerLine(orderLineId)?.DeliveredQuantity ?? 0m;

    public decimal LeftToDeliver(Guid orderLineId) =>
        LedgerLine(orderLineId) is { } line && IsDeliverable(orderLineId) ? line.OrderedQuantity - line.DeliveredQuantity : 0m;

    public IReadOnlyList<OrderDeliveryLine> Lines =>
        [.. Order.Lines.Where(l => l.Kind.IsPriced()).Select(l => new OrderDeliveryLine(l.Id, l.Position, l.Description, l.UnitCode, IsDeliverable(l.Id), l.Quantity,
            DeliveredQuantity(l.Id), LeftToDeliver(l.Id)))];

    public OrderDeliveryStatus Status
    {
        get
        {
            var lines = Lines.Where(l => l.Deliverable && l.OrderedQuantity > 0m).ToList();
            if (lines.Count == 0) return OrderDeliveryStatus.NotDeliverable;
            if (lines.All(l => l.LeftToDeliverQuantity == 0m)) return OrderDeliveryStatus.Delivered;
            return lines.Any(l => l.DeliveredQuantity != 0m) ? OrderDeliveryStatus.PartiallyDelivered : OrderDeliveryStatus.NotDelivered;
        }
    }

    /// <summary>Checks requested quantities against what is left: each order line priced, deliverable, on this order;
    /// each quantity positive with at most 3 decimals; the sum per line within what is left. Fields name the request.</summary>
    internal void EnsureWithinLeft(IReadOnlyList<(Guid OrderLineId, decimal Quantity)> lines)
    {
        if (lines.Count == 0)
            throw new DomainException(ErrorCodes.DeliveryNoteHasNoLine, "A delivery note has at least one line.") { Field = "lines" };
        for (var i = 0; i < lines.Count; i++)
        {
            var (orderLineId, quantity) = lines[i];
            if (LedgerLine(orderLineId) is null)
                throw new DomainException(ErrorCodes.OrderLineNotFound, $"Line {orderLineId} is not a priced line of order {Order.Id}.") { Field = $"lines[{i}].orderLineId" };
            if (!IsDeliverable(orderLineId))
                throw new DomainException(ErrorCodes.OrderLineNotDeliverable, $"Line {orderLineId} is not deliverable.") { Field = $"lines[{i}].orderLineId" };
            if (quantity <= 0m || Rounding.Quantity(quantity) != quantity)
                throw new DomainException(ErrorCodes.LineQuantityInvalid, "The quantity must be positive, with at most 3 decimals.") { Field = $"lines[{i}].quantity" };
            var requested = lines.Take(i + 1).Where(l => l.OrderLineId == orderLineId).Sum(l => l.Quantity);
            if (requested > LeftToDeliver(orderLineId))
            {
                throw new DomainException(ErrorCodes.BeyondLeftToDeliver, "The quantity exceeds what is left to deliver.")
                {
                    Field = $"lines[{i}].quantity",
                    Arguments = new Dictionary<string, object> { ["leftToDeliver"] = LeftToDeliver(orderLineId) },
                };
            }
        }
    }

    /// <summary>Every deliverable line with something left, at the quantity left.</summary>
    internal List<(Guid OrderLineId, decimal Quantity)> EverythingLeft()
    {
        var left = Order.Lines.Where(l => LeftToDeliver(l.Id) > 0m).Select(l => (l.Id, LeftToDeliver(l.Id))).ToList();
        if (left.Count == 0)
            throw new DomainConflictException(ErrorCodes.NothingLeftToDeliver, $"Nothing is left to deliver on order {Order.Id}.") { Field = "orderId" };
        return left;
    }

    /// <summary>A note validated: its quantities become delivered, never beyond what is left.</summary>
    internal void Record(DeliveryNote note)
    {
        EnsureWithinLeft([.. note.Lines.Select(l => (l.OrderLineId, l.Quantity))]);
        foreach (var line in note.Lines)
            Ledger.RecordDelivery(line.OrderLineId, line.Quantity);
    }

    /// <summary>A note cancelled: its quantities are left to deliver again.</summary>
    internal void Release(DeliveryNote note)
    {
        foreach (var line in note.Lines)
            Ledger.RecordDelivery(line.OrderLineId, -line.Quantity);
    }

    private OrderLedgerLine? LedgerLine(Guid orderLineId) => Ledger.Lines.FirstOrDefault(l => l.OrderLineId == orderLineId);
}
