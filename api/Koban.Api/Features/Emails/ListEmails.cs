using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Emails;

/// <summary>The e-mails queued about one record, for whoever may read the record.</summary>
public sealed record ListEmailsQuery(string EntityType, Guid EntityId, int Limit, string? After, string? Sort) : IQuery<EmailList>;

public sealed class ListEmailsHandler(KobanDbContext db, IHttpContextAccessor http) : IQueryHandler<ListEmailsQuery, EmailList>
{
    public static readonly SortFields<OutboxMessage> Sorts = new SortFields<OutboxMessage>("-createdAt").Add("createdAt", m => m.CreatedAt);

    public async ValueTask<EmailList> Handle(ListEmailsQuery query, CancellationToken cancellationToken)
    {
        var resource = MailEntityTypes.ResourceFor(query.EntityType) ?? throw new FieldValidationException("entityType", ApiErrorCodes.EntityTypeUnknown);
        CallerPermissions.Require(http.HttpContext!.User, resource, Access.Read);
        var messages = db.Set<OutboxMessage>().AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.EntityType == query.EntityType && m.EntityId == query.EntityId);
        var (items, next, hasMore) = await Keyset.PageAsync(messages, Sorts, query.Sort, query.After, query.Limit, m => m.Id, cancellationToken);
        return EmailReader.List(items, next, hasMore);
    }
}

internal static class ListEmailsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<EmailList>> (IMediator mediator, string entityType, Guid entityId, int? limit, string? after, string? sort, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListEmailsQuery(entityType, entityId, Cursor.Limit(limit), after, sort), ct)))
            .WithName("ListEmails")
            .WithSummary("Delivery status of the e-mails sent about a record")
            .WithDescription("The e-mails queued about one record (`entityType`: `invoice`, `credit_note`, `quote`, `order`, `delivery_note`, `customer`, `payment`, `contract`, `user` or `company`; `entityId`: its id), newest first, cursor-paged (`sort`: `-createdAt` default, or `createdAt`). Each says to whom, when it was queued and sent, its status (`Pending`, `Sending`, `Sent`, `Failed`), the number of attempts and the last SMTP error; bodies are never returned. Requires read permission on the record's resource (`invoices:read` for an invoice, `users:read` for a user…), else 403; an unknown `entityType` answers 400 `entity_type_unknown`. Queued, sent and failed e-mails also appear in the record's audit history (`email.queued`, `email.sent`, `email.failed`).")
            .RequireAuthorization()
            .WithExamples(null, 200, new EmailList([EmailExamples.Delivery], null, false));
}
