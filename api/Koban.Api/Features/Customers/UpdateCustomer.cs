using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

public sealed record UpdateCustomerCommand(Guid Id, uint ExpectedVersion, CustomerRequest Customer) : ICommand<Versioned<CustomerResponse>>;

public sealed class UpdateCustomerValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerValidator() => RuleFor(c => c.Customer).NotNull().SetValidator(new CustomerRequestValidator()).OverridePropertyName("");
}

public sealed class UpdateCustomerHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<UpdateCustomerCommand, Versioned<CustomerResponse>>
{
    public async ValueTask<Versioned<CustomerResponse>> Handle(UpdateCustomerCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await CustomerLoader.LoadForUpdateAsync(db, command.Id, command.ExpectedVersion, cancellationToken);
        var before = CustomerReader.Response(customer);
        customer.Update(await CustomerLoader.ToDataAsync(db, command.Customer, customer, cancellationToken));
        CustomerLoader.SyncDeliveryAddresses(customer, command.Customer.DeliveryAddresses);
        audit.Record("customer.updated", "customer", customer.Id, before, CustomerReader.Response(customer));
        await CustomerLoader.SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CustomerReader.WithVersion(customer);
    }
}

internal static class UpdateCustomerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Ok<CustomerResponse>> (Guid id, CustomerRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateCustomerCommand(id, EntityTags.RequireIfMatch(http), request), ct)).Ok(response))
            .WithName("UpdateCustomer")
            .WithSummary("Update a customer")
            .WithDescription("Replaces the customer's fields and its delivery addresses (entries with an `id` are updated, without one added, missing ones removed); contacts are changed through their own endpoints. Same rules as the creation. Documents already validated keep the customer data they were issued with.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(CustomerExamples.Update, 200, CustomerExamples.Customer);
}
