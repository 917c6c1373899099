using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record ListCreditNoteEmailsQuery(Guid Id) : IQuery<IReadOnlyList<EmailDelivery>>;

/// <summary>The e-mails sent with the credit note, newest first.</summary>
public sealed class ListCreditNoteEmailsHandler(KobanDbContext db, MailOutbox outbox) : IQueryHandler<ListCreditNoteEmailsQuery, IReadOnlyList<EmailDelivery>>
{
    public async ValueTask<IReadOnlyList<EmailDelivery>> Handle(ListCreditNoteEmailsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.CreditNotes.IgnoreAutoIncludes().AnyAsync(d => d.Id == query.Id, cancellationToken)) throw new NotFoundException("creditNote", query.Id);
        return await outbox.ListForEntityAsync("credit_note", query.Id, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, "/api/v1/credit-notes/{id:guid}/emails", "ListCreditNoteEmails", "Credit notes", Permissions.CreditNotes, "credit note", id => new ListCreditNoteEmailsQuery(id));
}
