using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Common;

/// <summary>The documents whose e-mails are listed under their own route (<c>GET …/{id}/emails</c>).</summary>
public enum MailedDocument
{
    Quote,
    Order,
    Invoice,
    CreditNote,
    DeliveryNote,
}

/// <summary>The e-mails sent with one document, newest first; the document must be the company's (404 otherwise).</summary>
public sealed record ListDocumentEmailsQuery(MailedDocument Document, Guid Id) : IQuery<IReadOnlyList<EmailDelivery>>;

/// <summary>The one query behind every document's e-mail list: each route stays its own operation
/// (<see cref="DocumentMailEndpoints.MapList"/>), the look-up is shared.</summary>
public sealed class ListDocumentEmailsHandler(KobanDbContext db, MailOutbox outbox) : IQueryHandler<ListDocumentEmailsQuery, IReadOnlyList<EmailDelivery>>
{
    public async ValueTask<IReadOnlyList<EmailDelivery>> Handle(ListDocumentEmailsQuery query, CancellationToken cancellationToken)
    {
        var id = query.Id;
        var (exists, entityType) = query.Document switch
        {
            MailedDocument.Quote => (db.Quotes.IgnoreAutoIncludes().AnyAsync(d => d.Id == id, cancellationToken), "quote"),
            MailedDocument.Order => (db.Orders.IgnoreAutoIncludes().AnyAsync(d => d.Id == id, cancellationToken), "order"),
            MailedDocument.Invoice => (db.Invoices.IgnoreAutoIncludes().AnyAsync(d => d.Id == id, cancellationToken), "invoice"),
            MailedDocument.CreditNote => (db.CreditNotes.IgnoreAutoIncludes().AnyAsync(d => d.Id == id, cancellationToken), "credit_note"),
            MailedDocument.DeliveryNote => (db.DeliveryNotes.IgnoreAutoIncludes().AnyAsync(d => d.Id == id, cancellationToken), "delivery_note"),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Document, "Not a mailed document."),
        };
        if (!await exists) throw new NotFoundException(entityType.Replace('_', ' '), id);
        return await outbox.ListForEntityAsync(entityType, id, cancellationToken);
    }
}
