using Koban.Api.Features.Common;
using Koban.Domain.Deliveries;

namespace Koban.Api.Features.Deliveries;

/// <summary>The OpenAPI examples of delivery notes: order CO-2026-00031 of Menuiserie Durand, whose two oak shelves leave in
/// one note, BL-2026-0001, validated on 3 December and delivered on 4 December.</summary>
internal static class DeliveriesExamples
{
    internal static readonly Guid NoteId = Guid.Parse("01936f10-0000-7000-8000-0000000000b1");
    internal static readonly Guid LineId = Guid.Parse("01936f10-0000-7000-8000-00000000b101");
    internal static readonly DateTimeOffset Created = new(2026, 12, 3, 8, 15, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset Stamp = new(2026, 12, 4, 16, 40, 0, TimeSpan.Zero);
    internal static readonly PostalAddressDto Address = new("4 quai Perrache", "Atelier, porte B", "69002", "Lyon", "FR");

    internal static readonly CreateDeliveryNoteRequest CreateRequest = new(SalesExamples.OrderId, [new DeliveryNoteLineRequest(SalesExamples.Lines[2].Id, 2.000m)],
        new DateOnly(2026, 12, 4), Address, "Livrer par l'accès atelier, prévenir 30 minutes avant.", ShowPrices: false);

    internal static readonly UpdateDeliveryNoteRequest UpdateRequest = new([new DeliveryNoteLineRequest(SalesExamples.Lines[2].Id, 2.000m)], new DateOnly(2026, 12, 4),
        Address, "Livrer par l'accès atelier, prévenir 30 minutes avant.", ShowPrices: true);

    internal static readonly ValidateDeliveryNoteRequest ValidateRequest = new(new DateOnly(2026, 12, 3));

    internal static readonly DeliverDeliveryNoteRequest DeliverRequest = new(new DateOnly(2026, 12, 4), "Claire Durand", "Une étagère légèrement rayée sur le chant.");

    internal static readonly CancelDeliveryNoteRequest CancelRequest = new("Colis refusé par le client : livraison à reprogrammer.");

    internal static readonly IReadOnlyList<DeliveryNoteLineResponse> Lines =
        [new(LineId, 0, SalesExamples.Lines[2].Id, "Étagère chêne massif sur mesure", "C62", 2.000m, 375.5000m, 10m, 675.90m)];

    internal static readonly DeliveryNoteResponse Draft = new(NoteId, null, DeliveryNoteStatus.Draft, SalesExamples.OrderId, "CO-2026-00031", SalesExamples.CustomerId,
        "Menuiserie Durand SARL", "BC-4471", null, new DateOnly(2026, 12, 4), Address, "Livrer par l'accès atelier, prévenir 30 minutes avant.", false, null, null, null, null,
        null, null, null, Lines, 675.90m, Created, Created);

    internal static readonly DeliveryNoteResponse Validated = Draft with { Number = "BL-2026-0001", Status = DeliveryNoteStatus.Validated, IssueDate = new DateOnly(2026, 12, 3) };

    internal static readonly DeliveryNoteResponse Delivered = Validated with
    {
        Status = DeliveryNoteStatus.Delivered,
        DeliveredOn = new DateOnly(2026, 12, 4),
        ReceivedBy = "Claire Durand",
        DeliveryRemarks = "Une étagère légèrement rayée sur le chant.",
        UpdatedAt = Stamp,
    };

    internal static readonly DeliveryNoteResponse Cancelled = Validated with
    {
        Status = DeliveryNoteStatus.Cancelled,
        CancelledAt = Stamp,
        CancellationReason = "Colis refusé par le client : livraison à reprogrammer.",
        UpdatedAt = Stamp,
    };

    internal static readonly DeliveryNoteSummary Summary = new(NoteId, "BL-2026-0001", DeliveryNoteStatus.Delivered, SalesExamples.OrderId, "CO-2026-00031",
        SalesExamples.CustomerId, "Menuiserie Durand SARL", new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 4), null, 2.000m, Stamp);

    internal static readonly DeliveryNoteList List = new([Summary], null, false);

    internal static readonly OrderDeliveriesResponse OrderDeliveries = new(SalesExamples.OrderId, "CO-2026-00031", OrderDeliveryStatus.PartiallyDelivered,
    [
        new(SalesExamples.Lines[1].Id, 1, "Pose et réglage", "HUR", false, 12.000m, 0m, 0m),
        new(SalesExamples.Lines[2].Id, 2, "Étagère chêne massif sur mesure", "C62", true, 5.000m, 2.000m, 3.000m),
    ], [Summary]);
}
