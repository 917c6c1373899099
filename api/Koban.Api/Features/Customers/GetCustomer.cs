using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Customers;

public sealed record GetCustomerQuery(Guid Id) : IQuery<Versioned<CustomerResponse>>;

public sealed class GetCustomerHandler(KobanDbContext db) : IQueryHandler<GetCustomerQuery, Versioned<CustomerResponse>>
{
    public async ValueTask<Versioned<CustomerResponse>> Handle(GetCustomerQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("customer", query.Id);
        return CustomerReader.WithVersion(customer);
    }
}

internal static class GetCustomerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<CustomerResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetCustomerQuery(id), ct)).Ok(response))
            .WithName("GetCustomer")
            .WithSummary("Get a customer with its contacts and delivery addresses")
            .WithDescription("The `ETag` covers the whole customer, contacts included: send it as `If-Match` to change the customer or one of its contacts.")
            .RequirePermission(Permissions.Customers, Access.Read)
            .WithExamples(null, 200, CustomerExamples.Customer);
}
