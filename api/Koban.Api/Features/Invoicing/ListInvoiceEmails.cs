using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Invoicing;

/// <summary>The e-mails sent with the invoice, newest first: its own route and operation, answered by the shared
/// <see cref="ListDocumentEmailsQuery"/>.</summary>
public static class ListInvoiceEmails
{
    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, MailedDocument.Invoice, "/api/v1/invoices/{id:guid}/emails", "ListInvoiceEmails", "Invoices", Permissions.Invoices, "invoice");
}
