using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Documents;
using Koban.Domain.Sales;

namespace Koban.Domain.Deliveries;

/// <summary>The editable part of a draft note: <see cref="Lines"/> null keeps the lines (on update) or takes everything left (on creation).</summary>
public sealed record DeliveryNoteDraftData(
    IReadOnlyList<(Guid OrderLineId, decimal Quantity)>? Lines,
    DateOnly? PlannedDate,
    PostalAddress? DeliveryAddress,
    string? Remarks,
    bool ShowPrices);

/// <summary>
/// A delivery note (bon de livraison) for chosen quantities of the deliverable lines of a validated order. A draft reserves
/// nothing and is freely edited or deleted; validation numbers it in its own gapless series and freezes it, its quantities
/// becoming delivered on the order (<see cref="OrderDeliveries"/>); it is then marked delivered (date, received by) or
/// cancelled with a reason, which gives its quantities back — never once invoiced.
/// </summary>
public sealed class DeliveryNote : ICompanyOwned, IHasUpdatedAt
{
    private readonly List<DeliveryNoteLine> _lines = [];

    private DeliveryNote()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>Null while draft; assigned at validation from the <c>DeliveryNote</c> series.</summary>
    public string? Number { get; private set; }
    public DeliveryNoteStatus Status { get; private set; }

    /// <summary>The note's date, set at validation.</summary>
    public DateOnly? IssueDate { get; private set; }
    public DateOnly? PlannedDate { get; private set; }

    /// <summary>Copied from the order at creation, editable while draft.</summary>
    public PostalAddress? DeliveryAddress { get; private set; }
    public string? Remarks { get; private set; }

    /// <summary>Template option: print unit prices and amounts, or quantities only.</summary>
    public bool ShowPrices { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public string? ReceivedBy { get; private set; }
    public string? DeliveryRemarks { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }

    /// <summary>The invoice billing this note's quantities (a draft or validated invoice); null while not invoiced.</summary>
    public Guid? InvoiceId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<DeliveryNoteLine> Lines => _lines.Count > 1 && _lines.Zip(_lines.Skip(1)).Any(p => p.First.Position > p.Second.Position)
        ? [.. _lines.OrderBy(l => l.Position)]
        : _lines;

    /// <summary>Validated or delivered: its quantities count as delivered on the order.</summary>
    public bool CountsAsDelivered => Status is DeliveryNoteStatus.Validated or DeliveryNoteStatus.Delivered;

    /// <summary>The date of the sale this note stands for on an invoice: delivered on, else its date.</summary>
    public DateOnly? SaleDate => DeliveredOn ?? IssueDate;

    public static DeliveryNote Create(OrderDeliveries deliveries, DeliveryNoteDraftData data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(data);
        EnsureOrderOpen(deliveries.Order);
        var note = new DeliveryNote
        {
            Id = Guid.CreateVersion7(),
            OrderId = deliveries.Order.Id,
            CustomerId = deliveries.Order.CustomerId,
            Status = DeliveryNoteStatus.Draft,
            CreatedAt = now,
        };
        note.Apply(deliveries, data with { Lines = data.Lines ?? deliveries.EverythingLeft(), DeliveryAddress = data.DeliveryAddress ?? deliveries.Order.DeliveryAddress });
        return note;
    }

    /// <summary>A full replacement of a draft's editable part; <c>Lines</c> null keeps the lines.</summary>
    public void Update(OrderDeliveries deliveries, DeliveryNoteDraftData data)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(data);
        EnsureDraft();
        Apply(deliveries, data with { Lines = data.Lines ?? [.. _lines.Select(l => (l.OrderLineId, l.Quantity))] });
    }

    public void EnsureDraft()
    {
        if (Status != DeliveryNoteStatus.Draft)
            throw new DomainConflictException(ErrorCodes.DocumentFrozen, $"Delivery note {Id} is {Status}.");
    }

    public void EnsureDeletable()
    {
        if (Status != DeliveryNoteStatus.Draft)
            throw new DomainConflictException(ErrorCodes.DocumentNotDeletable, $"A {Status} delivery note cannot be deleted; cancel it instead.");
    }

    /// <summary>Numbers and freezes the draft; its quantities become delivered, never beyond what is left (the caller holds the
    /// order's lock and takes <paramref name="number"/> in the same transaction).</summary>
    public void Validate(string number, DateOnly issueDate, DateOnly today, OrderDeliveries deliveries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        EnsureValidatable(issueDate, today, deliveries);
        deliveries.Record(this);
        Number = number;
        IssueDate = issueDate;
        Status = DeliveryNoteStatus.Validated;
    }

    /// <summary>Every check of <see cref="Validate"/>, without changing anything: run before the number is taken.</summary>
    public void EnsureValidatable(DateOnly issueDate, DateOnly today, OrderDeliveries deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        EnsureStatus(DeliveryNoteStatus.Draft);
        EnsureNotFuture(issueDate, today, "issueDate");
        EnsureOrderOpen(deliveries.Order);
        deliveries.EnsureWithinLeft([.. _lines.Select(l => (l.OrderLineId, l.Quantity))]);
    }

    public void MarkDelivered(DateOnly deliveredOn, DateOnly today, string? receivedBy, string? remarks)
    {
        EnsureStatus(DeliveryNoteStatus.Validated);
        EnsureNotFuture(deliveredOn, today, "deliveredOn");
        if (deliveredOn < IssueDate)
        {
            throw new DomainException(ErrorCodes.DeliveryDateBeforeIssue, "The delivery date is before the note's date.")
            {
                Field = "deliveredOn",
                Arguments = new Dictionary<string, object> { ["issueDate"] = IssueDate!.Value },
            };
        }
        if (string.IsNullOrWhiteSpace(receivedBy))
            throw new DomainException(ErrorCodes.DeliveryReceiverRequired, "Give who received the delivery.") { Field = "receivedBy" };
        DeliveredOn = deliveredOn;
        ReceivedBy = receivedBy.Trim();
        DeliveryRemarks = Blank(remarks);
        Status = DeliveryNoteStatus.Delivered;
    }

    /// <summary>Validated or delivered → cancelled: the quantities are left to deliver again. Never once invoiced.</summary>
    public void Cancel(string? reason, DateTimeOffset now, OrderDeliveries deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (!CountsAsDelivered)
            throw InvalidTransition();
        if (InvoiceId is { } invoiceId)
            throw Invoiced(invoiceId);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(ErrorCodes.CancellationReasonRequired, "The cancellation reason is required.") { Field = "reason" };
        deliveries.Release(this);
        CancellationReason = reason.Trim();
        CancelledAt = now;
        Status = DeliveryNoteStatus.Cancelled;
    }

    /// <summary>Taken by an invoice: validated or delivered, and not yet invoiced. <paramref name="field"/> names the note in the request.</summary>
    public void MarkInvoiced(Guid invoiceId, string field)
    {
        EnsureInvoiceable(field);
        InvoiceId = invoiceId;
    }

    /// <summary>The checks of <see cref="MarkInvoiced"/>, without changing anything.</summary>
    public void EnsureInvoiceable(string field)
    {
        if (InvoiceId is { } existing)
            throw Invoiced(existing).AtField(field);
        if (!CountsAsDelivered)
        {
            throw new DomainConflictException(ErrorCodes.DeliveryNoteNotInvoiceable, $"Delivery note {Id} is {Status}.")
            {
                Field = field,
                Arguments = new Dictionary<string, object> { ["status"] = Status.ToString() },
            };
        }
    }

    /// <summary>The draft invoice that had taken this note was deleted: the note can be invoiced again.</summary>
    public void ReleaseInvoice(Guid invoiceId)
    {
        if (InvoiceId == invoiceId) InvoiceId = null;
    }

    private void Apply(OrderDeliveries deliveries, DeliveryNoteDraftData data)
    {
        if (deliveries.Order.Id != OrderId)
            throw new ArgumentException("The deliveries are of another order.", nameof(deliveries));
        var lines = data.Lines!;
        deliveries.EnsureWithinLeft(lines);
        if (data.Remarks is { Length: > 4000 })
            throw new ArgumentException("Remarks take at most 4000 characters.", nameof(data));
        _lines.Clear();
        var byId = deliveries.Order.Lines.ToDictionary(l => l.Id);
        for (var i = 0; i < lines.Count; i++)
            _lines.Add(DeliveryNoteLine.Create(Id, i, byId[lines[i].OrderLineId], lines[i].Quantity));
        PlannedDate = data.PlannedDate;
        DeliveryAddress = data.DeliveryAddress;
        Remarks = Blank(data.Remarks);
        ShowPrices = data.ShowPrices;
    }

    private void EnsureStatus(DeliveryNoteStatus expected)
    {
        if (Status != expected) throw InvalidTransition();
    }

    private DomainConflictException InvalidTransition() =>
        new(ErrorCodes.InvalidStateTransition, $"Delivery note {Id} is {Status}.") { Arguments = new Dictionary<string, object> { ["status"] = Status.ToString() } };

    private static DomainConflictException Invoiced(Guid invoiceId) =>
        new(ErrorCodes.DeliveryNoteInvoiced, "The delivery note is invoiced.") { Arguments = new Dictionary<string, object> { ["invoiceId"] = invoiceId } };

    private static void EnsureOrderOpen(Order order)
    {
        if (order.Status != OrderStatus.InProgress)
            throw new DomainConflictException(ErrorCodes.OrderNotValidated, $"Order {order.Id} is {order.Status}.") { Field = "orderId" };
    }

    private static void EnsureNotFuture(DateOnly date, DateOnly today, string field)
    {
        if (date > today)
        {
            throw new DomainException(ErrorCodes.IssueDateInFuture, "The date cannot be later than today.")
            {
                Field = field,
                Arguments = new Dictionary<string, object> { ["today"] = today },
            };
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A quantity of one order line, with the order line's wording, unit and price copied at entry.</summary>
public sealed class DeliveryNoteLine
{
    private DeliveryNoteLine()
    {
    }

    public Guid Id { get; private set; }
    public Guid DeliveryNoteId { get; private set; }
    public Guid OrderLineId { get; private set; }
    public int Position { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public string? UnitCode { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal DiscountPercent { get; private set; }

    /// <summary>Quantity × unit price less the line discount, rounded to the cent (printed when the note shows prices).</summary>
    public decimal NetAmount => DocumentTotals.LineNet(Quantity, UnitPrice, DiscountPercent);

    internal static DeliveryNoteLine Create(Guid noteId, int position, OrderLine orderLine, decimal quantity) => new()
    {
        Id = Guid.CreateVersion7(),
        DeliveryNoteId = noteId,
        OrderLineId = orderLine.Id,
        Position = position,
        Description = orderLine.Description,
        UnitCode = orderLine.UnitCode,
        Quantity = quantity,
        UnitPrice = orderLine.UnitPrice,
        DiscountPercent = orderLine.DiscountPercent,
    };
}
