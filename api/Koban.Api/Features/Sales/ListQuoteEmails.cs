using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Sales;

/// <summary>The e-mails sent with the quote, newest first: its own route and operation, answered by the shared
/// <see cref="ListDocumentEmailsQuery"/>.</summary>
public static class ListQuoteEmails
{
    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, MailedDocument.Quote, "/api/v1/quotes/{id:guid}/emails", "ListQuoteEmails", "Quotes", Permissions.Quotes, "quote");
}
