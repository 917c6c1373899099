using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Sales;

/// <summary>The e-mails sent with the order, newest first: its own route and operation, answered by the shared
/// <see cref="ListDocumentEmailsQuery"/>.</summary>
public static class ListOrderEmails
{
    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, MailedDocument.Order, "/api/v1/orders/{id:guid}/emails", "ListOrderEmails", "Orders", Permissions.Orders, "order");
}
