using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Deliveries;

/// <summary>A delivered quantity of one order line, summed over the notes an invoice takes.</summary>
public sealed record DeliveredLineQuantity(Guid OrderLineId, decimal Quantity);

/// <summary>A note an invoice takes, with the date that stands for its sale (delivered on, else its date).</summary>
public sealed record InvoicedDeliveryNote(Guid Id, string Number, DateOnly SaleDate);

/// <summary>What an invoice bills from delivery notes: one order, the quantities per order line, the notes.</summary>
public sealed record DeliveryNotesToInvoice(Guid OrderId, IReadOnlyList<DeliveredLineQuantity> Lines, IReadOnlyList<InvoicedDeliveryNote> Notes);

/// <summary>
/// Locks the notes (<c>FOR UPDATE</c>, in id order, inside the caller's transaction) and checks they can be invoiced: each
/// known (422 <c>reference_not_found</c> on <c>deliveryNoteIds[i]</c>), validated or delivered, not yet invoiced, all of one
/// order. Sent by Invoicing before it drafts the invoice; <see cref="MarkDeliveryNotesInvoicedCommand"/> then links them.
/// </summary>
public sealed record LockDeliveryNotesForInvoiceCommand(IReadOnlyList<Guid> DeliveryNoteIds) : ICommand<DeliveryNotesToInvoice>;

/// <summary>Links the locked notes to the invoice made from them (tracked, saved by the caller with the invoice).</summary>
public sealed record MarkDeliveryNotesInvoicedCommand(IReadOnlyList<Guid> DeliveryNoteIds, Guid InvoiceId) : ICommand;

public sealed class LockDeliveryNotesForInvoiceHandler(KobanDbContext db) : ICommandHandler<LockDeliveryNotesForInvoiceCommand, DeliveryNotesToInvoice>
{
    public async ValueTask<DeliveryNotesToInvoice> Handle(LockDeliveryNotesForInvoiceCommand command, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Delivery notes are locked inside the invoicing transaction.");
        var ids = command.DeliveryNoteIds.ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM delivery_notes WHERE id = ANY({ids}) ORDER BY id FOR UPDATE", cancellationToken);
        var notes = await db.DeliveryNotes.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!notes.TryGetValue(ids[i], out var note)) throw new ReferenceNotFoundException($"deliveryNoteIds[{i}]");
            // Checked only: nothing is linked until the invoice exists.
            note.EnsureInvoiceable($"deliveryNoteIds[{i}]");
            if (note.OrderId != notes[ids[0]].OrderId)
                throw new DomainException(ErrorCodes.DeliveryNotesOfSeveralOrders, "Delivery notes of several orders.") { Field = $"deliveryNoteIds[{i}]" };
        }
        var ordered = ids.Select(id => notes[id]).ToList();
        var lines = ordered.SelectMany(n => n.Lines).GroupBy(l => l.OrderLineId)
            .Select(g => new DeliveredLineQuantity(g.Key, g.Sum(l => l.Quantity))).ToList();
        return new DeliveryNotesToInvoice(ordered[0].OrderId, lines, [.. ordered.Select(n => new InvoicedDeliveryNote(n.Id, n.Number!, n.SaleDate!.Value))]);
    }
}

public sealed class MarkDeliveryNotesInvoicedHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<MarkDeliveryNotesInvoicedCommand>
{
    public async ValueTask<Unit> Handle(MarkDeliveryNotesInvoicedCommand command, CancellationToken cancellationToken)
    {
        var ids = command.DeliveryNoteIds.ToArray();
        var notes = await db.DeliveryNotes.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        for (var i = 0; i < ids.Length; i++)
        {
            var note = notes.GetValueOrDefault(ids[i]) ?? throw new ReferenceNotFoundException($"deliveryNoteIds[{i}]");
            note.MarkInvoiced(command.InvoiceId, $"deliveryNoteIds[{i}]");
            audit.Record("deliveryNote.invoiced", "deliveryNote", note.Id, after: new { command.InvoiceId });
        }
        return Unit.Value;
    }
}
