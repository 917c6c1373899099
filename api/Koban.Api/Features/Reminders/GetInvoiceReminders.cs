using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Reminders;

public sealed record InvoiceRemindersQuery(Guid InvoiceId) : IQuery<InvoiceRemindersResponse>;

public sealed class InvoiceRemindersHandler(RemindersReader reader) : IQueryHandler<InvoiceRemindersQuery, InvoiceRemindersResponse>
{
    public async ValueTask<InvoiceRemindersResponse> Handle(InvoiceRemindersQuery query, CancellationToken cancellationToken) =>
        await reader.InvoiceAsync(query.InvoiceId, cancellationToken);
}

public static class GetInvoiceReminders
{
    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapGet("/{id:guid}/reminders", async Task<Ok<InvoiceRemindersResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new InvoiceRemindersQuery(id), ct)))
            .WithName("GetInvoiceReminders")
            .WithSummary("An invoice's reminders and accrued late-payment interest")
            .WithDescription("The reminder history of a validated invoice (automatic, skipped and manual, newest first), its days late and amount due today, and the late-payment interest accrued today: simple interest at the penalty rate printed on the invoice, from the day after the due date (or after the period already invoiced) on the balance outstanding each day, rounded once to the cent; plus the 40 € recovery indemnity unless already invoiced. Business customers only (zero for individuals). 409 `document_not_validated` for a draft.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(409)
            .WithExamples(null, 200, RemindersExamples.Invoice);
}
