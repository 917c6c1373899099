using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record DeleteInvoiceCommand(Guid Id) : ICommand;

/// <summary>Deletes a draft; its billing-schedule milestone becomes due again, and <see cref="DraftInvoiceDeleted"/> lets the
/// other features give back what the draft had taken.</summary>
public sealed class DeleteInvoiceHandler(KobanDbContext db, AuditLog audit, IPublisher publisher) : ICommandHandler<DeleteInvoiceCommand>
{
    public async ValueTask<Unit> Handle(DeleteInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsSplitQuery().SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken) ?? throw new NotFoundException("invoice", command.Id);
        invoice.EnsureDeletable();
        await publisher.Publish(new DraftInvoiceDeleted(invoice.Id, invoice.OrderId, invoice.MilestoneId), cancellationToken);
        db.Invoices.Remove(invoice);
        audit.Record("invoice.deleted", "invoice", invoice.Id, before: new { invoice.Kind, invoice.CustomerId, invoice.TotalExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteInvoiceCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteInvoice")
            .WithSummary("Delete a draft invoice")
            .WithDescription("A draft (no number) can be deleted; its billing-schedule milestone becomes due again. A validated invoice is never deleted (409 `document_not_deletable`).")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(409);
}
