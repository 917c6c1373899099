using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

/// <summary>Contacts belong to the customer aggregate: each change needs the customer's ETag and moves it.</summary>
public sealed record AddCustomerContactCommand(Guid CustomerId, uint ExpectedVersion, ContactRequest Contact) : ICommand<Versioned<ContactResponse>>;

public sealed class AddCustomerContactValidator : AbstractValidator<AddCustomerContactCommand>
{
    public AddCustomerContactValidator() => RuleFor(c => c.Contact).NotNull().SetValidator(new ContactRequestValidator()).OverridePropertyName("");
}

public sealed class AddCustomerContactHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<AddCustomerContactCommand, Versioned<ContactResponse>>
{
    public async ValueTask<Versioned<ContactResponse>> Handle(AddCustomerContactCommand command, CancellationToken cancellationToken)
    {
        var customer = await CustomerLoader.LoadForUpdateAsync(db, command.CustomerId, command.ExpectedVersion, cancellationToken);
        var contact = customer.AddContact(command.Contact.ToData(), command.Contact.IsBilling);
        audit.Record("customer.contact_added", "customer", customer.Id, after: CustomerReader.Contact(contact));
        await CustomerLoader.SaveBillingSwapAsync(db, cancellationToken);
        return CustomerReader.ContactWithVersion(contact, customer);
    }
}

internal static class AddCustomerContactEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/contacts", async Task<Created<ContactResponse>> (Guid id, ContactRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var contact = await mediator.Send(new AddCustomerContactCommand(id, EntityTags.RequireIfMatch(http), request), ct);
                return contact.Created(response, $"/api/v1/customers/{id}/contacts/{contact.Value.Id}");
            })
            .WithName("AddCustomerContact")
            .WithSummary("Add a contact")
            .WithDescription("Needs the customer's ETag in `If-Match` (contacts belong to the customer) and returns the customer's new ETag. A name (first or last) is required; the e-mail is checked for shape. `isBilling: true` makes it the billing contact (the previous one stops being it); the first contact is always the billing contact.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(CustomerExamples.ContactRequest, 201, CustomerExamples.Contact);
}
