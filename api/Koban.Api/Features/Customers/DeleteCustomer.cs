using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

public sealed record DeleteCustomerCommand(Guid Id) : ICommand;

public sealed class DeleteCustomerHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<DeleteCustomerCommand>
{
    public async ValueTask<Unit> Handle(DeleteCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await CustomerLoader.LoadAsync(db, command.Id, cancellationToken);
        if (await References.CustomerIsReferencedAsync(db, customer.Id, cancellationToken))
        {
            throw new DomainConflictException(ErrorCodes.CustomerReferenced, "A document references this customer: archive it instead.");
        }
        db.Customers.Remove(customer);
        audit.Record("customer.deleted", "customer", customer.Id, before: CustomerReader.Response(customer));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class DeleteCustomerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteCustomerCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteCustomer")
            .WithSummary("Delete a customer no document uses")
            .WithDescription("Only for a customer entered by mistake: once an opportunity, quote or order references it, the answer is 409 `customer_referenced`: archive the customer instead.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .WithProblems(409);
}
