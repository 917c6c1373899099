using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record SendOrderCommand(Guid Id, SendDocumentRequest Request) : ICommand<SendDocumentResponse>, IDocumentMailCommand;

public sealed class SendOrderCommandValidator : DocumentMailCommandValidator<SendOrderCommand>;

/// <summary>E-mails a validated order (the order confirmation) with its PDF rendered now.</summary>
public sealed class SendOrderHandler(KobanDbContext db, IMediator mediator, DocumentMailer mailer) : ICommandHandler<SendOrderCommand, SendDocumentResponse>
{
    public async ValueTask<SendDocumentResponse> Handle(SendOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("order", command.Id);
        if (order.Status is not (OrderStatus.InProgress or OrderStatus.Closed))
            throw new DomainConflictException(ErrorCodes.DocumentNotValidated, "Only a validated document is sent.");
        var (pdf, fileName) = await mediator.Send(new OrderPdfQuery(command.Id), cancellationToken);
        return await mailer.SendAsync(new DocumentToMail("order", "order", PrintableKind.Order, order.Id, order.Number!, order.TotalIncludingVat, null, order.BillToCustomerId,
            MailAttachment.FromBytes(fileName, "application/pdf", pdf)), command.Request, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        DocumentMailEndpoints.MapSend(app, "/api/v1/orders/{id:guid}/send", "SendOrder", "Orders", Permissions.Orders, "order", renderedNow: true, (id, request) => new SendOrderCommand(id, request));
}
