using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Deliveries;

/// <summary>The e-mails sent with the delivery note, newest first: its own route and operation, answered by the shared
/// <see cref="ListDocumentEmailsQuery"/>.</summary>
public static class ListDeliveryNoteEmails
{
    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, MailedDocument.DeliveryNote, "/api/v1/delivery-notes/{id:guid}/emails", "ListDeliveryNoteEmails", "Delivery notes", Permissions.DeliveryNotes, "delivery note");
}
