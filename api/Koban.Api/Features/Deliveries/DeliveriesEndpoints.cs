namespace Koban.Api.Features.Deliveries;

/// <summary>The delivery-note routes, mapped use case by use case in the order of the contract.</summary>
public static class DeliveriesEndpoints
{
    public static void MapDeliveriesEndpoints(this IEndpointRouteBuilder app)
    {
        var notes = app.MapGroup("/api/v1/delivery-notes").WithTags("Delivery notes");
        ListDeliveryNotesHandler.Map(notes);
        CreateDeliveryNoteHandler.Map(notes);
        GetDeliveryNoteHandler.Map(notes);
        UpdateDeliveryNoteHandler.Map(notes);
        DeleteDeliveryNoteHandler.Map(notes);
        ValidateDeliveryNoteHandler.Map(notes);
        DeliverDeliveryNoteHandler.Map(notes);
        CancelDeliveryNoteHandler.Map(notes);
        GetDeliveryNotePdfHandler.Map(notes);
        SendDeliveryNoteHandler.Map(app);
        ListDeliveryNoteEmails.Map(app);
        GetOrderDeliveriesHandler.Map(app);
    }
}
