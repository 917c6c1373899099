using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Customers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

public sealed record CreateCustomerCommand(CustomerRequest Customer, IReadOnlyList<ContactRequest> Contacts) : ICommand<Versioned<CustomerResponse>>;

public sealed class CreateCustomerValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerValidator()
    {
        RuleFor(c => c.Customer).NotNull().SetValidator(new CustomerRequestValidator()).OverridePropertyName("");
        RuleForEach(c => c.Contacts).SetValidator(new ContactRequestValidator()).OverridePropertyName("contacts");
    }
}

public sealed class CreateCustomerHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<CreateCustomerCommand, Versioned<CustomerResponse>>
{
    public async ValueTask<Versioned<CustomerResponse>> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var data = await CustomerLoader.ToDataAsync(db, command.Customer, null, cancellationToken);
        var customer = Customer.Create(data);
        CustomerLoader.SyncDeliveryAddresses(customer, command.Customer.DeliveryAddresses);
        foreach (var contact in command.Contacts) customer.AddContact(contact.ToData(), contact.IsBilling);
        db.Customers.Add(customer);
        audit.Record("customer.created", "customer", customer.Id, after: CustomerReader.Response(customer));
        await CustomerLoader.SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CustomerReader.WithVersion(customer);
    }
}

internal static class CreateCustomerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<CustomerResponse>> (CreateCustomerRequest request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var customer = await mediator.Send(new CreateCustomerCommand(request.Customer, request.Contacts ?? []), ct);
                return customer.Created(response, $"/api/v1/customers/{customer.Value.Id}");
            })
            .WithName("CreateCustomer")
            .WithSummary("Create a customer, with its contacts")
            .WithDescription("""
                Rules (domain-rules §7): a French business needs a SIREN (Luhn-checked); an intra-EU business needs a valid EU VAT number; SIRET and VAT number are checked (for France, the VAT key against the SIREN). `vatRegime` defaults from country and kind (France/Monaco → France; EU business → IntraEuBusiness; EU individual → France; elsewhere → OutsideEu). Payment terms, when given, override the company default and respect the legal maximum for businesses (60 days, or 45 days end of month).
                `accountingCode` (auxiliary account) defaults to 411 + the letters of the name, made unique; a code already used answers 400 `accounting_code_taken`. The first contact becomes the billing contact unless another is flagged `isBilling`: a customer with contacts always has exactly one.
                """)
            .RequirePermission(Permissions.Customers, Access.Write)
            .WithProblems(422)
            .WithExamples(CustomerExamples.Create, 201, CustomerExamples.Customer);
}
