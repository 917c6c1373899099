namespace Koban.Domain.Deliveries;

/// <summary>Draft → Validated (numbered, frozen) → Delivered, or Validated/Delivered → Cancelled (quantities given back).</summary>
public enum DeliveryNoteStatus
{
    Draft,
    Validated,
    Delivered,
    Cancelled,
}

/// <summary>How much of an order's deliverable lines has been delivered by its validated and delivered notes.</summary>
public enum OrderDeliveryStatus
{
    /// <summary>No line of the order is deliverable (services only, or no product flagged <c>Deliverable</c>).</summary>
    NotDeliverable,
    NotDelivered,
    PartiallyDelivered,
    Delivered,
}
