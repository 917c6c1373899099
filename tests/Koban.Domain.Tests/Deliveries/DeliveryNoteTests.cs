using Koban.Domain.Common;
using Koban.Domain.Deliveries;
using Koban.Domain.Sales;
using Koban.Domain.Tests.Sales;

namespace Koban.Domain.Tests.Deliveries;

public sealed class DeliveryNoteTests
{
    private static readonly Guid Chairs = Guid.NewGuid();
    private static readonly Guid Tables = Guid.NewGuid();
    private static readonly Guid Fitting = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = SalesTestData.Today;

    /// <summary>5 chairs and 2 tables (deliverable), 3 hours of fitting (a service) and a free line.</summary>
    private static Order Order() => SalesTestData.Validated(
        SalesTestData.Product(5m, 80m, productId: Chairs),
        SalesTestData.Product(2m, 450m, productId: Tables),
        SalesTestData.Product(3m, 65m, productId: Fitting),
        SalesTestData.Free(1m, 30m, 20m));

    private static bool Deliverable(Guid productId) => productId == Chairs || productId == Tables;

    private static OrderDeliveries Replay(Order order, params DeliveryNote[] notes) => OrderDeliveries.Replay(order, Deliverable, notes);

    private static DeliveryNoteDraftData Lines(params (Guid, decimal)[] lines) => new(lines, null, null, null, false);

    private static DeliveryNote Validated(Order order, List<DeliveryNote> notes, params (Guid, decimal)[] lines)
    {
        var note = DeliveryNote.Create(Replay(order, [.. notes]), Lines(lines), Now);
        note.Validate($"BL-2026-{notes.Count + 1:0000}", Today, Today, Replay(order, [.. notes]));
        notes.Add(note);
        return note;
    }

    [Test]
    public void Left_to_deliver_is_ordered_minus_validated_and_delivered_notes_drafts_and_cancelled_notes_reserve_nothing()
    {
        var order = Order();
        var chairs = order.Lines[0].Id;
        var notes = new List<DeliveryNote>();
        Replay(order).LeftToDeliver(chairs).ShouldBe(5m);

        var first = Validated(order, notes, (chairs, 2m));
        Replay(order, [.. notes]).LeftToDeliver(chairs).ShouldBe(3m);

        var draft = DeliveryNote.Create(Replay(order, [.. notes]), Lines((chairs, 3m)), Now);
        Replay(order, [.. notes, draft]).LeftToDeliver(chairs).ShouldBe(3m, "a draft reserves nothing");

        first.MarkDelivered(Today, Today, "Claire Durand", null);
        Replay(order, [.. notes]).LeftToDeliver(chairs).ShouldBe(3m, "a delivered note still counts");
        Replay(order, [.. notes]).Ledger.Lines.Single(l => l.OrderLineId == chairs).DeliveredQuantity.ShouldBe(2m, "the order's ledger holds the delivered quantity");

        first.Cancel("Colis refusé", Now, Replay(order, [.. notes]));
        Replay(order, [.. notes]).LeftToDeliver(chairs).ShouldBe(5m, "a cancelled note gives its quantities back");
    }

    [Test]
    public void The_order_says_not_delivered_partially_delivered_then_delivered_and_not_deliverable_without_deliverable_lines()
    {
        var order = Order();
        var notes = new List<DeliveryNote>();
        Replay(order).Status.ShouldBe(OrderDeliveryStatus.NotDelivered);
        Validated(order, notes, (order.Lines[0].Id, 5m));
        Replay(order, [.. notes]).Status.ShouldBe(OrderDeliveryStatus.PartiallyDelivered);
        Validated(order, notes, (order.Lines[1].Id, 2m));
        Replay(order, [.. notes]).Status.ShouldBe(OrderDeliveryStatus.Delivered, "the service and the free line are not deliverable");

        var services = SalesTestData.Validated(SalesTestData.Product(3m, 65m, productId: Fitting));
        OrderDeliveries.Replay(services, Deliverable, []).Status.ShouldBe(OrderDeliveryStatus.NotDeliverable);
    }

    [Test]
    public void Without_lines_a_note_takes_every_deliverable_line_at_what_is_left_and_refuses_when_nothing_is_left()
    {
        var order = Order();
        var notes = new List<DeliveryNote>();
        Validated(order, notes, (order.Lines[0].Id, 1.5m));
        var note = DeliveryNote.Create(Replay(order, [.. notes]), new DeliveryNoteDraftData(null, null, null, null, true), Now);
        note.Lines.Select(l => (l.OrderLineId, l.Quantity)).ShouldBe([(order.Lines[0].Id, 3.5m), (order.Lines[1].Id, 2m)]);
        note.Lines[0].UnitPrice.ShouldBe(80m, "the order line's price is copied");
        note.Lines[0].NetAmount.ShouldBe(280m);
        note.Status.ShouldBe(DeliveryNoteStatus.Draft);
        note.Number.ShouldBeNull();

        note.Validate("BL-2026-0002", Today, Today, Replay(order, [.. notes]));
        notes.Add(note);
        Should.Throw<DomainConflictException>(() => DeliveryNote.Create(Replay(order, [.. notes]), new DeliveryNoteDraftData(null, null, null, null, false), Now))
            .Code.ShouldBe(ErrorCodes.NothingLeftToDeliver);
    }

    [Test]
    public void A_note_never_exceeds_what_is_left_and_names_the_refused_line()
    {
        var order = Order();
        var notes = new List<DeliveryNote>();
        Validated(order, notes, (order.Lines[0].Id, 4m));
        var deliveries = Replay(order, [.. notes]);

        var beyond = Should.Throw<DomainException>(() => DeliveryNote.Create(deliveries, Lines((order.Lines[1].Id, 1m), (order.Lines[0].Id, 1.001m)), Now));
        beyond.Code.ShouldBe(ErrorCodes.BeyondLeftToDeliver);
        beyond.Field.ShouldBe("lines[1].quantity");
        beyond.Arguments["leftToDeliver"].ShouldBe(1m);

        var twice = Should.Throw<DomainException>(() => DeliveryNote.Create(deliveries, Lines((order.Lines[0].Id, 0.6m), (order.Lines[0].Id, 0.6m)), Now));
        twice.Field.ShouldBe("lines[1].quantity", "the same line twice is summed");

        Should.Throw<DomainException>(() => DeliveryNote.Create(deliveries, Lines((order.Lines[2].Id, 1m)), Now)).Code.ShouldBe(ErrorCodes.OrderLineNotDeliverable);
        Should.Throw<DomainException>(() => DeliveryNote.Create(deliveries, Lines((order.Lines[3].Id, 1m)), Now)).Code.ShouldBe(ErrorCodes.OrderLineNotDeliverable, "a free line has no product");
        Should.Throw<DomainException>(() => DeliveryNote.Create(deliveries, Lines((Guid.NewGuid(), 1m)), Now)).Code.ShouldBe(ErrorCodes.OrderLineNotFound);
        Should.Throw<DomainException>(() => DeliveryNote.Create(deliveries, Lines((order.Lines[1].Id, 0m)), Now)).Code.ShouldBe(ErrorCodes.LineQuantityInvalid);
        Should.Throw<DomainException>(() => DeliveryNote.Create(deliveries, Lines((order.Lines[1].Id, 0.0005m)), Now)).Code.ShouldBe(ErrorCodes.LineQuantityInvalid);
        Should.Throw<DomainException>(() => DeliveryNote.Create(deliveries, Lines(), Now)).Code.ShouldBe(ErrorCodes.DeliveryNoteHasNoLine);
    }

    [Test]
    public void Two_drafts_each_within_what_is_left_cannot_both_be_validated()
    {
        var order = Order();
        var chairs = order.Lines[0].Id;
        var first = DeliveryNote.Create(Replay(order), Lines((chairs, 3m)), Now);
        var second = DeliveryNote.Create(Replay(order), Lines((chairs, 3m)), Now);
        first.Validate("BL-2026-0001", Today, Today, Replay(order));
        var refused = Should.Throw<DomainException>(() => second.Validate("BL-2026-0002", Today, Today, Replay(order, first)));
        refused.Code.ShouldBe(ErrorCodes.BeyondLeftToDeliver);
        refused.Field.ShouldBe("lines[0].quantity");
        second.Status.ShouldBe(DeliveryNoteStatus.Draft, "a refused validation changes nothing");
        second.Number.ShouldBeNull();
    }

    [Test]
    public void Draft_to_validated_to_delivered_with_a_date_not_before_the_note_and_who_received_it()
    {
        var order = Order();
        var note = DeliveryNote.Create(Replay(order), Lines((order.Lines[0].Id, 2m)), Now);
        Should.Throw<DomainConflictException>(() => note.MarkDelivered(Today, Today, "X", null)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        Should.Throw<DomainException>(() => note.Validate("BL-2026-0001", Today.AddDays(1), Today, Replay(order))).Code.ShouldBe(ErrorCodes.IssueDateInFuture);

        note.Validate("BL-2026-0001", Today.AddDays(-3), Today, Replay(order));
        note.Number.ShouldBe("BL-2026-0001");
        note.IssueDate.ShouldBe(Today.AddDays(-3));
        Should.Throw<DomainConflictException>(() => note.Update(Replay(order, note), Lines((order.Lines[0].Id, 1m)))).Code.ShouldBe(ErrorCodes.DocumentFrozen);
        Should.Throw<DomainConflictException>(() => note.EnsureDeletable()).Code.ShouldBe(ErrorCodes.DocumentNotDeletable);
        Should.Throw<DomainConflictException>(() => note.Validate("BL-2026-0002", Today, Today, Replay(order, note))).Code.ShouldBe(ErrorCodes.InvalidStateTransition);

        var early = Should.Throw<DomainException>(() => note.MarkDelivered(Today.AddDays(-4), Today, "Claire Durand", null));
        early.Code.ShouldBe(ErrorCodes.DeliveryDateBeforeIssue);
        early.Field.ShouldBe("deliveredOn");
        Should.Throw<DomainException>(() => note.MarkDelivered(Today, Today, "  ", null)).Field.ShouldBe("receivedBy");
        Should.Throw<DomainException>(() => note.MarkDelivered(Today.AddDays(1), Today, "Claire", null)).Code.ShouldBe(ErrorCodes.IssueDateInFuture);

        note.MarkDelivered(Today.AddDays(-3), Today, " Claire Durand ", "Carton abîmé");
        note.Status.ShouldBe(DeliveryNoteStatus.Delivered);
        note.ReceivedBy.ShouldBe("Claire Durand");
        note.SaleDate.ShouldBe(Today.AddDays(-3));
    }

    [Test]
    public void Cancelling_needs_a_reason_a_draft_is_deleted_instead_and_an_invoiced_note_is_never_cancelled()
    {
        var order = Order();
        var notes = new List<DeliveryNote>();
        var draft = DeliveryNote.Create(Replay(order), Lines((order.Lines[0].Id, 1m)), Now);
        draft.EnsureDeletable();
        Should.Throw<DomainConflictException>(() => draft.Cancel("x", Now, Replay(order))).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        Should.Throw<DomainConflictException>(() => draft.MarkInvoiced(Guid.NewGuid(), "deliveryNoteIds[0]")).Code.ShouldBe(ErrorCodes.DeliveryNoteNotInvoiceable);

        var note = Validated(order, notes, (order.Lines[0].Id, 2m));
        Should.Throw<DomainException>(() => note.Cancel(" ", Now, Replay(order, [.. notes]))).Code.ShouldBe(ErrorCodes.CancellationReasonRequired);

        var invoiceId = Guid.NewGuid();
        note.MarkInvoiced(invoiceId, "deliveryNoteIds[0]");
        var twice = Should.Throw<DomainConflictException>(() => note.MarkInvoiced(Guid.NewGuid(), "deliveryNoteIds[1]"));
        twice.Code.ShouldBe(ErrorCodes.DeliveryNoteInvoiced);
        twice.Field.ShouldBe("deliveryNoteIds[1]");
        Should.Throw<DomainConflictException>(() => note.Cancel("Erreur", Now, Replay(order, [.. notes]))).Code.ShouldBe(ErrorCodes.DeliveryNoteInvoiced);

        note.ReleaseInvoice(Guid.NewGuid());
        note.InvoiceId.ShouldBe(invoiceId, "only the invoice that took the note gives it back");
        note.ReleaseInvoice(invoiceId);
        note.Cancel("Erreur de saisie", Now, Replay(order, [.. notes]));
        note.Status.ShouldBe(DeliveryNoteStatus.Cancelled);
        note.CancelledAt.ShouldBe(Now);
        Should.Throw<DomainConflictException>(() => note.MarkInvoiced(Guid.NewGuid(), "deliveryNoteIds[0]")).Code.ShouldBe(ErrorCodes.DeliveryNoteNotInvoiceable);
    }

    [Test]
    public void Only_a_validated_order_is_delivered()
    {
        var draft = SalesTestData.Draft(SalesTestData.Product(5m, 80m, productId: Chairs));
        var refused = Should.Throw<DomainConflictException>(() => OrderDeliveries.Replay(draft, Deliverable, []));
        refused.Code.ShouldBe(ErrorCodes.OrderNotValidated);
        refused.Field.ShouldBe("orderId");
    }
}
