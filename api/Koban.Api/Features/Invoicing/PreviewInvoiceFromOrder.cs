using FluentValidation;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Invoicing;

/// <summary>The invoice an order would get, computed exactly as <see cref="CreateInvoiceFromOrderCommand"/> does, never stored.</summary>
public sealed record PreviewInvoiceFromOrderQuery(InvoiceFromOrderRequest Request) : IQuery<InvoiceResponse>;

public sealed class PreviewInvoiceFromOrderQueryValidator : AbstractValidator<PreviewInvoiceFromOrderQuery>
{
    public PreviewInvoiceFromOrderQueryValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new InvoiceFromOrderValidator()).OverridePropertyName("");
}

public sealed class PreviewInvoiceFromOrderHandler(KobanDbContext db, BillingService billing, InvoicingReader reader, TimeProvider clock)
    : IQueryHandler<PreviewInvoiceFromOrderQuery, InvoiceResponse>
{
    public async ValueTask<InvoiceResponse> Handle(PreviewInvoiceFromOrderQuery query, CancellationToken cancellationToken)
    {
        var (invoice, _, _) = await OrderInvoiceDraft.BuildAsync(db, billing, clock, query.Request, cancellationToken);
        return await reader.ToResponseAsync(invoice, cancellationToken);
    }

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapPost("/from-order/preview", async Task<Ok<InvoiceResponse>> (InvoiceFromOrderRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PreviewInvoiceFromOrderQuery(body), ct)))
            .WithName("PreviewInvoiceFromOrder")
            .WithSummary("Preview the invoice of an order without saving it")
            .WithDescription("Same body, rules and errors as `POST /from-order`; nothing is stored. The SPA shows the lines and totals before the user creates the draft.")
            .RequirePermission(Permissions.Invoices, Access.Read)
            .WithProblems(409, 422)
            .WithExamples(InvoicingExamples.DepositRequest, 200, InvoicingExamples.DepositPreview);
}
