using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Deliveries;

public sealed record ListDeliveryNoteEmailsQuery(Guid Id) : IQuery<IReadOnlyList<EmailDelivery>>;

/// <summary>The e-mails sent with the delivery note, newest first.</summary>
public sealed class ListDeliveryNoteEmailsHandler(KobanDbContext db, MailOutbox outbox) : IQueryHandler<ListDeliveryNoteEmailsQuery, IReadOnlyList<EmailDelivery>>
{
    public async ValueTask<IReadOnlyList<EmailDelivery>> Handle(ListDeliveryNoteEmailsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.DeliveryNotes.IgnoreAutoIncludes().AnyAsync(n => n.Id == query.Id, cancellationToken)) throw new NotFoundException("delivery note", query.Id);
        return await outbox.ListForEntityAsync("delivery_note", query.Id, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, "/api/v1/delivery-notes/{id:guid}/emails", "ListDeliveryNoteEmails", "Delivery notes", Permissions.DeliveryNotes, "delivery note",
            id => new ListDeliveryNoteEmailsQuery(id));
}
