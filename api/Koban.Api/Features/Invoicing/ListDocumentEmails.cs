using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record ListDocumentEmailsQuery(SendableDocument Type, Guid Id) : IQuery<IReadOnlyList<EmailDelivery>>;

/// <summary>The e-mails sent with an invoice, a credit note, an order or a quote, newest first.</summary>
public sealed class ListDocumentEmailsHandler(KobanDbContext db, MailOutbox outbox) : IQueryHandler<ListDocumentEmailsQuery, IReadOnlyList<EmailDelivery>>
{
    public async ValueTask<IReadOnlyList<EmailDelivery>> Handle(ListDocumentEmailsQuery query, CancellationToken cancellationToken)
    {
        var (entity, exists) = query.Type switch
        {
            SendableDocument.Invoice => ("invoice", await db.Invoices.IgnoreAutoIncludes().AnyAsync(i => i.Id == query.Id, cancellationToken)),
            SendableDocument.CreditNote => ("creditNote", await db.CreditNotes.IgnoreAutoIncludes().AnyAsync(i => i.Id == query.Id, cancellationToken)),
            SendableDocument.Quote => ("quote", await db.Quotes.IgnoreAutoIncludes().AnyAsync(q => q.Id == query.Id, cancellationToken)),
            _ => ("order", await db.Orders.IgnoreAutoIncludes().AnyAsync(o => o.Id == query.Id, cancellationToken)),
        };
        if (!exists) throw new NotFoundException(entity, query.Id);
        return await outbox.ListForEntityAsync(SendDocumentHandler.MailEntityType(query.Type), query.Id, cancellationToken);
    }


    public static void Map(IEndpointRouteBuilder app, SendableDocument type, string path, string tag, string resource, string label) =>
        app.MapGet($"{path}/{{id:guid}}/emails", async Task<Ok<IReadOnlyList<EmailDelivery>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDocumentEmailsQuery(type, id), ct)))
            .WithTags(tag)
            .WithName($"List{type}Emails")
            .WithSummary($"The e-mails sent with the {label}")
            .WithDescription("Newest first: recipients, subject, attachment, status (Pending, Sending, Sent, Failed), attempts and the last error while the SMTP server refuses, sent time. Bodies are never returned.")
            .RequirePermission(resource, Access.Read)
            .WithProblems(404)
            .WithExamples(null, 200, InvoicingExamples.SendResponse.Emails);
}
