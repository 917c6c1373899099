using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record SendInvoiceCommand(Guid Id, SendDocumentRequest Request) : ICommand<SendDocumentResponse>, IDocumentMailCommand;

public sealed class SendInvoiceCommandValidator : DocumentMailCommandValidator<SendInvoiceCommand>;

/// <summary>E-mails a validated invoice with its archived PDF.</summary>
public sealed class SendInvoiceHandler(KobanDbContext db, DocumentArchiver archiver, DocumentMailer mailer) : ICommandHandler<SendInvoiceCommand, SendDocumentResponse>
{
    public async ValueTask<SendDocumentResponse> Handle(SendInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("invoice", command.Id);
        return await mailer.SendAsync(await BillingDocumentMail.PrepareAsync(db, archiver, invoice, "invoice", "invoice", cancellationToken), command.Request, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapSend(app, "/api/v1/invoices/{id:guid}/send", "SendInvoice", "Invoices", Permissions.Invoices, "invoice", renderedNow: false, (id, request) => new SendInvoiceCommand(id, request));
}
