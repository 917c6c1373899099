using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Emails;

public sealed record EmailList(IReadOnlyList<EmailDelivery> Items, string? NextCursor, bool HasMore);

// ---- list the e-mails of a record ----

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
        return new EmailList([.. items.Select(EmailDelivery.From)], next, hasMore);
    }
}

// ---- retry ----

public sealed record RetryEmailCommand(Guid Id) : ICommand<EmailDelivery>;

public sealed class RetryEmailHandler(KobanDbContext db, IHttpContextAccessor http, AuditLog audit, TimeProvider clock, OutboxSignal signal)
    : ICommandHandler<RetryEmailCommand, EmailDelivery>
{
    public async ValueTask<EmailDelivery> Handle(RetryEmailCommand command, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().Include(m => m.Attachments).SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("email", command.Id);
        var resource = MailEntityTypes.ResourceFor(message.EntityType) ?? Permissions.Company;
        var user = http.HttpContext!.User;
        // Someone who may not even read the record must not learn that the e-mail exists.
        if (!CallerPermissions.Allows(user, resource, Access.Read)) throw new NotFoundException("email", command.Id);
        CallerPermissions.Require(user, resource, Access.Write);
        var before = new { status = message.Status.ToString(), attempts = message.Attempts, lastError = message.LastError };
        message.RetryNow(clock.GetUtcNow());
        audit.Record("email.retry_requested", message.EntityType, message.EntityId, before, new { emailId = message.Id, to = message.To, subject = message.Subject });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return EmailDelivery.From(message);
    }
}

public static class EmailsEndpoints
{
    public static void MapEmailsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/emails").WithTags("E-mails");

        group.MapGet("/", async Task<Ok<EmailList>> (IMediator mediator, string entityType, Guid entityId, int? limit, string? after, string? sort, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListEmailsQuery(entityType, entityId, Cursor.Limit(limit), after, sort), ct)))
            .WithName("ListEmails")
            .WithSummary("Delivery status of the e-mails sent about a record")
            .WithDescription("The e-mails queued about one record (`entityType`: `invoice`, `credit_note`, `quote`, `order`, `delivery_note`, `customer`, `payment`, `contract`, `user` or `company`; `entityId`: its id), newest first, cursor-paged (`sort`: `-createdAt` default, or `createdAt`). Each says to whom, when it was queued and sent, its status (`Pending`, `Sending`, `Sent`, `Failed`), the number of attempts and the last SMTP error; bodies are never returned. Requires read permission on the record's resource (`invoices:read` for an invoice, `users:read` for a user…), else 403; an unknown `entityType` answers 400 `entity_type_unknown`. Queued, sent and failed e-mails also appear in the record's audit history (`email.queued`, `email.sent`, `email.failed`).")
            .RequireAuthorization()
            .WithExamples(null, 200, new EmailList([EmailExamples.Delivery], null, false));

        group.MapPost("/{id:guid}/retry", async Task<Ok<EmailDelivery>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RetryEmailCommand(id), ct)))
            .WithName("RetryEmail")
            .WithSummary("Send a failed e-mail again")
            .WithDescription("A `Failed` e-mail gets a fresh series of attempts, a `Pending` one waiting for its next attempt is tried at once; the same Message-ID is kept. A `Sent` or `Sending` e-mail answers 409 `email_not_retryable`. Requires write permission on the record's resource (`invoices:write` for an invoice…). Written to the record's audit history (`email.retry_requested`).")
            .RequireAuthorization()
            .WithProblems(409)
            .WithExamples(null, 200, EmailExamples.Delivery with { Status = EmailStatus.Pending, Attempts = 0, SentAt = null, NextAttemptAt = EmailExamples.Delivery.CreatedAt });
    }
}

internal static class EmailExamples
{
    public static readonly EmailDelivery Delivery = new(
        Guid.Parse("01936b40-0000-7000-8000-0000000000d1"), "invoice", Guid.Parse("01936b40-0000-7000-8000-0000000000f1"),
        ["compta@client.example.fr"], ["claire@client.example.fr"], "Facture FA-2026-00042 – Atelier Koban Démo SAS", ["FA-2026-00042.pdf"],
        EmailStatus.Sent, 1, null, null, new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 9, 30, 2, TimeSpan.Zero),
        "Camille Admin");
}
