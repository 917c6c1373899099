using FluentValidation;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

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

public enum SendableDocument
{
    Invoice,
    CreditNote,
    Order,
    Quote,
}

public sealed record SendDocumentCommand(SendableDocument Type, Guid Id, SendDocumentRequest Request) : ICommand<SendDocumentResponse>;

public sealed class SendDocumentCommandValidator : AbstractValidator<SendDocumentCommand>
{
    public SendDocumentCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new SendDocumentRequestValidator()).OverridePropertyName("");
}

/// <summary>
/// Sends a validated invoice or credit note (its archived PDF, the very bytes stored at validation) or a validated order
/// (its PDF rendered now) by e-mail: the message is queued in the outbox in the same transaction as the audit entry, and
/// the background sender delivers it.
/// </summary>
public sealed class SendDocumentHandler(KobanDbContext db, MailOutbox outbox, DocumentArchiver archiver, DocumentTemplateService templates, AuditLog audit, IMediator mediator)
    : ICommandHandler<SendDocumentCommand, SendDocumentResponse>
{
    public async ValueTask<SendDocumentResponse> Handle(SendDocumentCommand command, CancellationToken cancellationToken)
    {
        var (entity, kind, number, amount, dueDate, customerId, attachment) = await DocumentAsync(command.Type, command.Id, cancellationToken);
        var r = command.Request;
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().SingleAsync(c => c.Id == customerId, cancellationToken);
        var to = r.To is { Count: > 0 } given ? given.Select(a => a.Trim()).ToList() : await BillingContactAsync(customerId, cancellationToken);
        var cc = (r.Cc ?? []).Select(a => a.Trim()).Where(a => !to.Contains(a, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var company = await db.Companies.AsNoTracking().Select(c => c.LegalName).SingleAsync(cancellationToken);
        var template = await templates.GetOrCreateAsync(kind, cancellationToken);
        var values = new TemplatePlaceholderValues(number, amount, dueDate, customer.Name, company);
        var subject = TemplatePlaceholders.Fill(DocumentErrors(r.Subject) ?? template.EmailSubject ?? $"{PrintableParts.Title(kind)} {{number}}", values);
        var body = TemplatePlaceholders.Fill(DocumentErrors(r.Body) ?? template.EmailBody ?? "Bonjour,\n\nVeuillez trouver ci-joint notre document {number}.\n\nCordialement,\n{companyName}", values);
        var id = await outbox.EnqueueAsync(new OutgoingMail
        {
            To = to,
            Cc = cc,
            Subject = subject,
            TextBody = body,
            Attachments = [attachment],
            EntityType = MailEntityType(command.Type),
            EntityId = command.Id,
        }, cancellationToken);
        audit.Record($"{entity}.sent", entity, command.Id, after: new { to, cc, subject, number });
        await db.SaveChangesAsync(cancellationToken);
        return new SendDocumentResponse(id, to, cc, subject, attachment.FileName ?? $"{number}.pdf",
            await outbox.ListForEntityAsync(MailEntityType(command.Type), command.Id, cancellationToken));
    }

    /// <summary>The record type the outbox files the mail under: one of <see cref="MailEntityTypes"/> (snake_case, as
    /// <c>GET /emails?entityType=</c> takes it), which is not always the audit log's name (<c>creditNote</c>).</summary>
    public static string MailEntityType(SendableDocument type) => type switch
    {
        SendableDocument.Invoice => "invoice",
        SendableDocument.CreditNote => "credit_note",
        SendableDocument.Order => "order",
        SendableDocument.Quote => "quote",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string? DocumentErrors(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<List<string>> BillingContactAsync(Guid customerId, CancellationToken ct)
    {
        var email = await db.Set<Contact>().AsNoTracking().Where(c => c.CustomerId == customerId && c.IsBilling).Select(c => c.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(email))
            throw new DomainException(ErrorCodes.NoRecipient, "The customer's billing contact has no e-mail address; give the recipients.") { Field = "to" };
        return [email];
    }

    private async Task<(string Entity, PrintableKind Kind, string Number, decimal Amount, DateOnly? DueDate, Guid CustomerId, MailAttachment Attachment)> DocumentAsync(
        SendableDocument type, Guid id, CancellationToken ct)
    {
        if (type == SendableDocument.Quote)
        {
            var quote = await db.Quotes.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new NotFoundException("quote", id);
            if (quote.Number is null)
                throw new DomainConflictException(ErrorCodes.DocumentNotValidated, "Mark the quote sent first: a draft has no number.");
            var (pdf, fileName) = await mediator.Send(new QuotePdfQuery(id), ct);
            return ("quote", PrintableKind.Quote, quote.Number, quote.TotalIncludingVat, quote.ValidUntil, quote.CustomerId, MailAttachment.FromBytes(fileName, "application/pdf", pdf));
        }

        if (type == SendableDocument.Order)
        {
            var order = await db.Orders.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("order", id);
            if (order.Status is not (OrderStatus.InProgress or OrderStatus.Closed))
                throw new DomainConflictException(ErrorCodes.DocumentNotValidated, "Only a validated document is sent.");
            var (pdf, fileName) = await mediator.Send(new OrderPdfQuery(id), ct);
            return ("order", PrintableKind.Order, order.Number!, order.TotalIncludingVat, null, order.BillToCustomerId, MailAttachment.FromBytes(fileName, "application/pdf", pdf));
        }

        BillingDocument? document = type == SendableDocument.Invoice
            ? await db.Invoices.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(i => i.Id == id, ct)
            : await db.CreditNotes.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (document is null) throw new NotFoundException(type == SendableDocument.Invoice ? "invoice" : "creditNote", id);
        if (!document.IsValidated)
            throw new DomainConflictException(ErrorCodes.DocumentNotValidated, "Only a validated document is sent: a draft is not an invoice.");
        await archiver.ArchiveAsync(document.Id, ct);
        var archived = await db.ArchivedDocuments.AsNoTracking().SingleAsync(a => a.DocumentId == document.Id, ct);
        return (type == SendableDocument.Invoice ? "invoice" : "creditNote", DocumentArchiver.KindOf(document), document.Number!, document.TotalIncludingVat,
            document.DueDate, document.CustomerId, MailAttachment.FromStoredFile(archived.FileId, DocumentArchiver.FileName(document), "application/pdf"));
    }

    public static void Map(IEndpointRouteBuilder app, SendableDocument type, string path, string tag, string resource, string label) =>
        app.MapPost($"{path}/{{id:guid}}/{(type == SendableDocument.Quote ? "email" : "send")}", async Task<Ok<SendDocumentResponse>> (Guid id, SendDocumentRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SendDocumentCommand(type, id, body ?? new SendDocumentRequest()), ct)))
            .WithTags(tag)
            .WithName(type == SendableDocument.Quote ? "EmailQuote" : $"Send{type}")
            .WithSummary($"Send the {label} by e-mail")
            .WithDescription($"Queues an e-mail with the {label}'s PDF attached ({(type is SendableDocument.Order or SendableDocument.Quote ? "rendered now" : "the archived bytes, identical to the download")}) to `to` — by default the customer's billing contact (422 `no_recipient` when it has no e-mail) — and `cc`, with the subject and body of the document template (placeholders {{number}}, {{amount}}, {{dueDate}}, {{customerName}}, {{companyName}} filled) unless given. Only a validated document is sent (409 `document_not_validated`; a quote must first be marked sent, which numbers it: `POST /quotes/{{id}}/send`, then `POST /quotes/{{id}}/email`). The mail goes through the outbox: if the SMTP server is down nothing is lost, it is retried, and `emails` (also `GET …/emails`) shows its status. Recorded in the audit log.")
            .RequirePermission(resource, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(InvoicingExamples.SendRequest, 200, InvoicingExamples.SendResponse);
}
