using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record DeleteInvoiceCommand(Guid Id) : ICommand;

/// <summary>Deletes a draft; its billing-schedule milestone becomes due again.</summary>
public sealed class DeleteInvoiceHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<DeleteInvoiceCommand>
{
    public async ValueTask<Unit> Handle(DeleteInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsSplitQuery().SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken) ?? throw new NotFoundException("invoice", command.Id);
        invoice.EnsureDeletable();
        if (invoice.MilestoneId is { } milestoneId && invoice.OrderId is { } orderId)
        {
            var schedule = await db.Set<BillingSchedule>().SingleOrDefaultAsync(s => s.OrderId == orderId, cancellationToken);
            if (schedule?.Milestones.Any(m => m.Id == milestoneId && m.InvoiceId == invoice.Id) == true) schedule.UnlinkInvoice(milestoneId);
        }
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
