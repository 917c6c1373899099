using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Payments;

public sealed record GetInvoicePaymentsQuery(Guid InvoiceId) : IQuery<InvoicePaymentResponse>;

/// <summary>An invoice's payment side for another feature (the invoice's own response): null when the invoice has no row on
/// its customer's account (a draft, or a validated invoice of nothing), 404 when there is no such invoice.</summary>
public sealed record FindInvoicePaymentsQuery(Guid InvoiceId) : IQuery<InvoicePaymentResponse?>;

public sealed class GetInvoicePaymentsHandler(PaymentsReader reader)
    : IQueryHandler<GetInvoicePaymentsQuery, InvoicePaymentResponse>,
      IQueryHandler<FindInvoicePaymentsQuery, InvoicePaymentResponse?>
{
    public async ValueTask<InvoicePaymentResponse> Handle(GetInvoicePaymentsQuery query, CancellationToken cancellationToken) =>
        await reader.RequiredInvoicePaymentsAsync(query.InvoiceId, cancellationToken);

    public async ValueTask<InvoicePaymentResponse?> Handle(FindInvoicePaymentsQuery query, CancellationToken cancellationToken) =>
        await reader.InvoicePaymentsAsync(query.InvoiceId, cancellationToken);
}

public static class GetInvoicePayments
{
    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapGet("/{id:guid}/payments", async Task<Ok<InvoicePaymentResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetInvoicePaymentsQuery(id), ct)))
            .WithName("GetInvoicePayments")
            .WithSummary("An invoice's payment status, outstanding amount, dispute flag and settlements")
            .WithDescription("Status is derived, never typed in: `Unpaid`, `PartiallyPaid`, `Paid` (outstanding 0 with a payment or write-off), `Credited` (settled by credit notes only). A draft has no payment side (409 `document_not_validated`).")
            .RequirePermission(Permissions.Invoices, Access.Read)
            .WithProblems(404, 409)
            .WithExamples(null, 200, PaymentsExamples.InvoicePayments);
}
