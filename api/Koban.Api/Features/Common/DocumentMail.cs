using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Common;

/// <summary>
/// Who receives a document by e-mail. Without <c>to</c>, the customer's billing contact. Without <c>subject</c> or
/// <c>body</c>, the document template's wording with its placeholders filled ({number}, {amount}, {dueDate},
/// {customerName}, {companyName}).
/// </summary>
public sealed record SendDocumentRequest(IReadOnlyList<string>? To = null, IReadOnlyList<string>? Cc = null, string? Subject = null, string? Body = null);

public sealed class SendDocumentRequestValidator : AbstractValidator<SendDocumentRequest>
{
    public SendDocumentRequestValidator()
    {
        RuleFor(r => r.To!.Count).LessThanOrEqualTo(20).When(r => r.To is not null).OverridePropertyName("to");
        RuleFor(r => r.Cc!.Count).LessThanOrEqualTo(20).When(r => r.Cc is not null).OverridePropertyName("cc");
        RuleForEach(r => r.To).NotEmpty().EmailAddress().Must(MailOutbox.IsValidAddress);
        RuleForEach(r => r.Cc).NotEmpty().EmailAddress().Must(MailOutbox.IsValidAddress);
        RuleFor(r => r.Subject).MaximumLength(300);
        RuleFor(r => r.Body).MaximumLength(20000);
    }
}

/// <summary>The e-mail queued: it leaves through the outbox (retried while the SMTP server is down); its status is in <c>emails</c>.</summary>
public sealed record SendDocumentResponse(Guid EmailId, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string Attachment, IReadOnlyList<EmailDelivery> Emails);

/// <summary>A use case that e-mails one document: its request carries the recipients and wording.</summary>
public interface IDocumentMailCommand
{
    SendDocumentRequest Request { get; }
}

/// <summary>The request's rules, named from the body's root (<c>to[1]</c>, not <c>request.to[1]</c>).</summary>
public abstract class DocumentMailCommandValidator<T> : AbstractValidator<T>
    where T : IDocumentMailCommand
{
    protected DocumentMailCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new SendDocumentRequestValidator()).OverridePropertyName("");
}

/// <summary>A validated document ready to leave by e-mail, as each sending use case loads it. <c>AuditEntity</c> is the
/// audit log's name of the record (<c>creditNote</c>); <c>MailEntityType</c> the outbox's, one of
/// <see cref="MailEntityTypes"/> (<c>credit_note</c>), as <c>GET /emails?entityType=</c> takes it.</summary>
public sealed record DocumentToMail(string AuditEntity, string MailEntityType, PrintableKind Kind, Guid Id, string Number, decimal Amount, DateOnly? DueDate, Guid CustomerId,
    MailAttachment Attachment);

/// <summary>
/// Queues one document's e-mail: recipients (by default the customer's billing contact), the template's subject and body
/// with their placeholders filled unless given, the PDF attached; the message is written to the outbox in the same
/// transaction as the audit entry, and the background sender delivers it.
/// </summary>
public sealed class DocumentMailer(KobanDbContext db, MailOutbox outbox, DocumentTemplateService templates, AuditLog audit)
{
    public async Task<SendDocumentResponse> SendAsync(DocumentToMail document, SendDocumentRequest request, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().SingleAsync(c => c.Id == document.CustomerId, ct);
        var to = request.To is { Count: > 0 } given ? given.Select(a => a.Trim()).ToList() : await BillingContactAsync(document.CustomerId, ct);
        var cc = (request.Cc ?? []).Select(a => a.Trim()).Where(a => !to.Contains(a, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var company = await db.Companies.AsNoTracking().Select(c => c.LegalName).SingleAsync(ct);
        var template = await templates.GetOrCreateAsync(document.Kind, ct);
        var values = new TemplatePlaceholderValues(document.Number, document.Amount, document.DueDate, customer.Name, company);
        var subject = TemplatePlaceholders.Fill(Given(request.Subject) ?? template.EmailSubject ?? $"{PrintableParts.Title(document.Kind)} {{number}}", values);
        var body = TemplatePlaceholders.Fill(Given(request.Body) ?? template.EmailBody ?? "Bonjour,\n\nVeuillez trouver ci-joint notre document {number}.\n\nCordialement,\n{companyName}", values);
        var id = await outbox.EnqueueAsync(new OutgoingMail
        {
            To = to,
            Cc = cc,
            Subject = subject,
            TextBody = body,
            Attachments = [document.Attachment],
            EntityType = document.MailEntityType,
            EntityId = document.Id,
        }, ct);
        audit.Record($"{document.AuditEntity}.sent", document.AuditEntity, document.Id, after: new { to, cc, subject, number = document.Number });
        await db.SaveChangesAsync(ct);
        return new SendDocumentResponse(id, to, cc, subject, document.Attachment.FileName ?? $"{document.Number}.pdf",
            await outbox.ListForEntityAsync(document.MailEntityType, document.Id, ct));
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<List<string>> BillingContactAsync(Guid customerId, CancellationToken ct)
    {
        var email = await db.Set<Contact>().AsNoTracking().Where(c => c.CustomerId == customerId && c.IsBilling).Select(c => c.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(email))
            throw new DomainException(ErrorCodes.NoRecipient, "The customer's billing contact has no e-mail address; give the recipients.") { Field = "to" };
        return [email];
    }
}

/// <summary>The two e-mail routes every sendable document has (<c>POST …/send</c> or <c>…/email</c>, and <c>GET …/emails</c>),
/// declared once so that invoices, credit notes, orders and quotes document them alike.</summary>
public static class DocumentMailEndpoints
{
    public static void MapSend<TCommand>(IEndpointRouteBuilder app, string route, string name, string tag, string resource, string label, bool renderedNow,
        Func<Guid, SendDocumentRequest, TCommand> command)
        where TCommand : ICommand<SendDocumentResponse> =>
        app.MapPost(route, async Task<Ok<SendDocumentResponse>> (Guid id, SendDocumentRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command(id, body ?? new SendDocumentRequest()), ct)))
            .WithTags(tag)
            .WithName(name)
            .WithSummary($"Send the {label} by e-mail")
            .WithDescription($"Queues an e-mail with the {label}'s PDF attached ({(renderedNow ? "rendered now" : "the archived bytes, identical to the download")}) to `to` — by default the customer's billing contact (422 `no_recipient` when it has no e-mail) — and `cc`, with the subject and body of the document template (placeholders {{number}}, {{amount}}, {{dueDate}}, {{customerName}}, {{companyName}} filled) unless given. Only a validated document is sent (409 `document_not_validated`; a quote must first be marked sent, which numbers it: `POST /quotes/{{id}}/send`, then `POST /quotes/{{id}}/email`). The mail goes through the outbox: if the SMTP server is down nothing is lost, it is retried, and `emails` (also `GET …/emails`) shows its status. Recorded in the audit log.")
            .RequirePermission(resource, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(DocumentMailExamples.SendRequest, 200, DocumentMailExamples.SendResponse);

    /// <summary>A document's e-mail list as its own operation (route, name, tag, permission), answered by
    /// <see cref="ListDocumentEmailsQuery"/>.</summary>
    public static void MapList(IEndpointRouteBuilder app, MailedDocument document, string route, string name, string tag, string resource, string label) =>
        app.MapGet(route, async Task<Ok<IReadOnlyList<EmailDelivery>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDocumentEmailsQuery(document, id), ct)))
            .WithTags(tag)
            .WithName(name)
            .WithSummary($"The e-mails sent with the {label}")
            .WithDescription("Newest first: recipients, subject, attachment, status (Pending, Sending, Sent, Failed), attempts and the last error while the SMTP server refuses, sent time. Bodies are never returned.")
            .RequirePermission(resource, Access.Read)
            .WithProblems(404)
            .WithExamples(null, 200, DocumentMailExamples.SendResponse.Emails);
}

/// <summary>OpenAPI examples of the e-mail routes.</summary>
internal static class DocumentMailExamples
{
    internal static readonly SendDocumentRequest SendRequest = new(["compta@durand.example"], ["claire.durand@durand.example"], null, null);

    internal static readonly SendDocumentResponse SendResponse = new(Guid.Parse("01936f00-0000-7000-8000-0000000000a1"), ["compta@durand.example"], ["claire.durand@durand.example"],
        "Facture FA-2026-00042 — Atelier Koban Démo", "Facture FA-2026-00042.pdf",
        [new EmailDelivery(Guid.Parse("01936f00-0000-7000-8000-0000000000a1"), "invoice", Guid.Parse("01936e00-0000-7000-8000-0000000000f1"), ["compta@durand.example"],
            ["claire.durand@durand.example"], "Facture FA-2026-00042 — Atelier Koban Démo", ["Facture FA-2026-00042.pdf"], EmailStatus.Pending, 0, null,
            new DateTimeOffset(2026, 12, 15, 9, 31, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 15, 9, 31, 0, TimeSpan.Zero), null, "Anne Comptable")]);
}
