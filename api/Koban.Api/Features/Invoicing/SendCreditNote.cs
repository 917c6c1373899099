using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record SendCreditNoteCommand(Guid Id, SendDocumentRequest Request) : ICommand<SendDocumentResponse>, IDocumentMailCommand;

public sealed class SendCreditNoteCommandValidator : DocumentMailCommandValidator<SendCreditNoteCommand>;

/// <summary>E-mails a validated credit note with its archived PDF.</summary>
public sealed class SendCreditNoteHandler(KobanDbContext db, DocumentArchiver archiver, DocumentMailer mailer) : ICommandHandler<SendCreditNoteCommand, SendDocumentResponse>
{
    public async ValueTask<SendDocumentResponse> Handle(SendCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var note = await db.CreditNotes.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(n => n.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("creditNote", command.Id);
        return await mailer.SendAsync(await BillingDocumentMail.PrepareAsync(db, archiver, note, "creditNote", "credit_note", cancellationToken), command.Request, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapSend(app, "/api/v1/credit-notes/{id:guid}/send", "SendCreditNote", "Credit notes", Permissions.CreditNotes, "credit note", renderedNow: false, (id, request) => new SendCreditNoteCommand(id, request));
}
