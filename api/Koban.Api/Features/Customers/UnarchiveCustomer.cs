using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

public sealed record UnarchiveCustomerCommand(Guid Id) : ICommand<CustomerResponse>;

public sealed class UnarchiveCustomerHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<UnarchiveCustomerCommand, CustomerResponse>
{
    public async ValueTask<CustomerResponse> Handle(UnarchiveCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await CustomerLoader.LoadAsync(db, command.Id, cancellationToken);
        customer.Unarchive();
        audit.Record("customer.unarchived", "customer", customer.Id);
        await db.SaveChangesAsync(cancellationToken);
        return CustomerReader.Response(customer);
    }
}

internal static class UnarchiveCustomerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/unarchive", async Task<Ok<CustomerResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UnarchiveCustomerCommand(id), ct)))
            .WithName("UnarchiveCustomer")
            .WithSummary("Bring an archived customer back")
            .WithDescription("The customer is active again. Answers 409 `invalid_state_transition` if it was not archived.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, CustomerExamples.Customer);
}
