using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Invoicing;

/// <summary>The e-mails sent with the credit note, newest first: its own route and operation, answered by the shared
/// <see cref="ListDocumentEmailsQuery"/>.</summary>
public static class ListCreditNoteEmails
{
    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, MailedDocument.CreditNote, "/api/v1/credit-notes/{id:guid}/emails", "ListCreditNoteEmails", "Credit notes", Permissions.CreditNotes, "credit note");
}
