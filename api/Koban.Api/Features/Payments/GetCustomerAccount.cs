using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Payments;

public sealed record GetCustomerAccountQuery(Guid CustomerId) : IQuery<CustomerAccountResponse>;

public sealed class GetCustomerAccountHandler(PaymentsReader reader) : IQueryHandler<GetCustomerAccountQuery, CustomerAccountResponse>
{
    public async ValueTask<CustomerAccountResponse> Handle(GetCustomerAccountQuery query, CancellationToken cancellationToken) =>
        await reader.CustomerAccountAsync(query.CustomerId, cancellationToken);
}

public static class GetCustomerAccount
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/customers/{id:guid}/account", async Task<Ok<CustomerAccountResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCustomerAccountQuery(id), ct)))
            .WithTags("Payments")
            .WithName("GetCustomerAccount")
            .WithSummary("Where a customer stands: open invoices (oldest due first) and available credit")
            .WithDescription("`openInvoices` are the validated invoices still (partly) unpaid, oldest due date first — the order in which the SPA suggests allocating a payment. `credits` are the receipts' unallocated parts and the credit notes' remaining amounts. `balance` = total outstanding − available credit.")
            .RequirePermission(Permissions.Payments, Access.Read)
            .WithProblems(404)
            .WithExamples(null, 200, PaymentsExamples.CustomerAccount);
}
