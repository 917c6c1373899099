using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

public sealed record ArchiveCustomerCommand(Guid Id) : ICommand<CustomerResponse>;

public sealed class ArchiveCustomerHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<ArchiveCustomerCommand, CustomerResponse>
{
    public async ValueTask<CustomerResponse> Handle(ArchiveCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await CustomerLoader.LoadAsync(db, command.Id, cancellationToken);
        customer.Archive();
        audit.Record("customer.archived", "customer", customer.Id);
        await db.SaveChangesAsync(cancellationToken);
        return CustomerReader.Response(customer);
    }
}

internal static class ArchiveCustomerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/archive", async Task<Ok<CustomerResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ArchiveCustomerCommand(id), ct)))
            .WithName("ArchiveCustomer")
            .WithSummary("Archive a customer")
            .WithDescription("An archived customer leaves the default lists and cannot receive new documents; its documents stay. Archiving twice answers 409 `invalid_state_transition`.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, CustomerExamples.Customer with { IsArchived = true });
}
