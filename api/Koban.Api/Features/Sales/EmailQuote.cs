using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record EmailQuoteCommand(Guid Id, SendDocumentRequest Request) : ICommand<SendDocumentResponse>, IDocumentMailCommand;

public sealed class EmailQuoteCommandValidator : DocumentMailCommandValidator<EmailQuoteCommand>;

/// <summary>E-mails a sent (numbered) quote with its PDF rendered now.</summary>
public sealed class EmailQuoteHandler(KobanDbContext db, IMediator mediator, DocumentMailer mailer) : ICommandHandler<EmailQuoteCommand, SendDocumentResponse>
{
    public async ValueTask<SendDocumentResponse> Handle(EmailQuoteCommand command, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("quote", command.Id);
        if (quote.Number is null)
            throw new DomainConflictException(ErrorCodes.DocumentNotValidated, "Mark the quote sent first: a draft has no number.");
        var (pdf, fileName) = await mediator.Send(new QuotePdfQuery(command.Id), cancellationToken);
        return await mailer.SendAsync(new DocumentToMail("quote", "quote", PrintableKind.Quote, quote.Id, quote.Number, quote.TotalIncludingVat, quote.ValidUntil, quote.CustomerId,
            MailAttachment.FromBytes(fileName, "application/pdf", pdf)), command.Request, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapSend(app, "/api/v1/quotes/{id:guid}/email", "EmailQuote", "Quotes", Permissions.Quotes, "quote", renderedNow: true, (id, request) => new EmailQuoteCommand(id, request));
}
