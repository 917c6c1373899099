using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Emails;

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
        return EmailReader.Delivery(message);
    }
}

internal static class RetryEmailEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/retry", async Task<Ok<EmailDelivery>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RetryEmailCommand(id), ct)))
            .WithName("RetryEmail")
            .WithSummary("Send a failed e-mail again")
            .WithDescription("A `Failed` e-mail gets a fresh series of attempts, a `Pending` one waiting for its next attempt is tried at once; the same Message-ID is kept. A `Sent` or `Sending` e-mail answers 409 `email_not_retryable`. Requires write permission on the record's resource (`invoices:write` for an invoice…). Written to the record's audit history (`email.retry_requested`).")
            .RequireAuthorization()
            .WithProblems(409)
            .WithExamples(null, 200, EmailExamples.Delivery with { Status = EmailStatus.Pending, Attempts = 0, SentAt = null, NextAttemptAt = EmailExamples.Delivery.CreatedAt });
}
