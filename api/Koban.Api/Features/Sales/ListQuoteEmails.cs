using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record ListQuoteEmailsQuery(Guid Id) : IQuery<IReadOnlyList<EmailDelivery>>;

/// <summary>The e-mails sent with the quote, newest first.</summary>
public sealed class ListQuoteEmailsHandler(KobanDbContext db, MailOutbox outbox) : IQueryHandler<ListQuoteEmailsQuery, IReadOnlyList<EmailDelivery>>
{
    public async ValueTask<IReadOnlyList<EmailDelivery>> Handle(ListQuoteEmailsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Quotes.IgnoreAutoIncludes().AnyAsync(d => d.Id == query.Id, cancellationToken)) throw new NotFoundException("quote", query.Id);
        return await outbox.ListForEntityAsync("quote", query.Id, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapList(app, "/api/v1/quotes/{id:guid}/emails", "ListQuoteEmails", "Quotes", Permissions.Quotes, "quote", id => new ListQuoteEmailsQuery(id));
}
