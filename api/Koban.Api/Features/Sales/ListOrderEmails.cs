using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record ListOrderEmailsQuery(Guid Id) : IQuery<IReadOnlyList<EmailDelivery>>;

/// <summary>The e-mails sent with the order, newest first.</summary>
public sealed class ListOrderEmailsHandler(KobanDbContext db, MailOutbox outbox) : IQueryHandler<ListOrderEmailsQuery, IReadOnlyList<EmailDelivery>>
{
    public async ValueTask<IReadOnlyList<EmailDelivery>> Handle(ListOrderEmailsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Orders.IgnoreAutoIncludes().AnyAsync(d => d.Id == query.Id, cancellationToken)) throw new NotFoundException("order", query.Id);
        return await outbox.ListForEntityAsync("order", query.Id, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, "/api/v1/orders/{id:guid}/emails", "ListOrderEmails", "Orders", Permissions.Orders, "order", id => new ListOrderEmailsQuery(id));
}
