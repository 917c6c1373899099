using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record ListInvoiceEmailsQuery(Guid Id) : IQuery<IReadOnlyList<EmailDelivery>>;

/// <summary>The e-mails sent with the invoice, newest first.</summary>
public sealed class ListInvoiceEmailsHandler(KobanDbContext db, MailOutbox outbox) : IQueryHandler<ListInvoiceEmailsQuery, IReadOnlyList<EmailDelivery>>
{
    public async ValueTask<IReadOnlyList<EmailDelivery>> Handle(ListInvoiceEmailsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Invoices.IgnoreAutoIncludes().AnyAsync(d => d.Id == query.Id, cancellationToken)) throw new NotFoundException("invoice", query.Id);
        return await outbox.ListForEntityAsync("invoice", query.Id, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, "/api/v1/invoices/{id:guid}/emails", "ListInvoiceEmails", "Invoices", Permissions.Invoices, "invoice", id => new ListInvoiceEmailsQuery(id));
}
