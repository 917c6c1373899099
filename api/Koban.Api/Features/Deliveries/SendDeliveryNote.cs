using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Security;
using Koban.Domain.Common;
using Koban.Domain.Deliveries;
using Mediator;

namespace Koban.Api.Features.Deliveries;

public sealed record SendDeliveryNoteCommand(Guid Id, SendDocumentRequest Request) : ICommand<SendDocumentResponse>, IDocumentMailCommand;

public sealed class SendDeliveryNoteCommandValidator : DocumentMailCommandValidator<SendDeliveryNoteCommand>;

/// <summary>E-mails a validated (or delivered) note with its PDF rendered now.</summary>
public sealed class SendDeliveryNoteHandler(DeliveryNotePdf pdfs, DocumentMailer mailer) : ICommandHandler<SendDeliveryNoteCommand, SendDocumentResponse>
{
    public async ValueTask<SendDocumentResponse> Handle(SendDeliveryNoteCommand command, CancellationToken cancellationToken)
    {
        var (pdf, fileName, note) = await pdfs.RenderAsync(command.Id, cancellationToken);
        if (note.Status is not (DeliveryNoteStatus.Validated or DeliveryNoteStatus.Delivered))
            throw new DomainConflictException(ErrorCodes.DocumentNotValidated, "Only a validated delivery note is sent.");
        return await mailer.SendAsync(new DocumentToMail("deliveryNote", "delivery_note", PrintableKind.DeliveryNote, note.Id, note.Number!, note.Lines.Sum(l => l.NetAmount), null,
            note.CustomerId, MailAttachment.FromBytes(fileName, "application/pdf", pdf)), command.Request, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapSend(app, "/api/v1/delivery-notes/{id:guid}/send", "SendDeliveryNote", "Delivery notes", Permissions.DeliveryNotes, "delivery note",
            renderedNow: true, (id, request) => new SendDeliveryNoteCommand(id, request));
}
