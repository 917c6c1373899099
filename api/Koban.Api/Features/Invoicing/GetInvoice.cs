using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Invoicing;

public sealed record GetInvoiceQuery(Guid Id) : IQuery<Versioned<InvoiceResponse>>;

public sealed class GetInvoiceHandler(InvoicingReader reader) : IQueryHandler<GetInvoiceQuery, Versioned<InvoiceResponse>>
{
    public async ValueTask<Versioned<InvoiceResponse>> Handle(GetInvoiceQuery query, CancellationToken cancellationToken) =>
        await reader.InvoiceAsync(query.Id, cancellationToken);

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapGet("/{id:guid}", async Task<Ok<InvoiceResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetInvoiceQuery(id), ct)).Ok(response))
            .WithName("GetInvoice")
            .WithSummary("Get an invoice")
            .WithDescription("Lines (with the order line each bills, or the deposit each deduction takes back with its VAT), totals (stored at validation, never recomputed), the seller/buyer snapshot copied at validation, the fingerprint and its place in the company's chain, the archived PDF's SHA-256, linked documents (order, deducted deposits, credit notes) and the history.")
            .RequirePermission(Permissions.Invoices, Access.Read)
            .WithExamples(null, 200, InvoicingExamples.Balance);
}
