using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

public sealed record UpdateCustomerContactCommand(Guid CustomerId, Guid ContactId, uint ExpectedVersion, ContactRequest Contact) : ICommand<Versioned<ContactResponse>>;

public sealed class UpdateCustomerContactValidator : AbstractValidator<UpdateCustomerContactCommand>
{
    public UpdateCustomerContactValidator() => RuleFor(c => c.Contact).NotNull().SetValidator(new ContactRequestValidator()).OverridePropertyName("");
}

public sealed class UpdateCustomerContactHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<UpdateCustomerContactCommand, Versioned<ContactResponse>>
{
    public async ValueTask<Versioned<ContactResponse>> Handle(UpdateCustomerContactCommand command, CancellationToken cancellationToken)
    {
        var customer = await CustomerLoader.LoadForUpdateAsync(db, command.CustomerId, command.ExpectedVersion, cancellationToken);
        var contact = customer.Contacts.SingleOrDefault(c => c.Id == command.ContactId) ?? throw new NotFoundException("contact", command.ContactId);
        var before = CustomerReader.Contact(contact);
        customer.UpdateContact(contact.Id, command.Contact.ToData());
        if (command.Contact.IsBilling && !contact.IsBilling) customer.SetBillingContact(contact.Id);
        audit.Record("customer.contact_updated", "customer", customer.Id, before, CustomerReader.Contact(contact));
        await CustomerLoader.SaveBillingSwapAsync(db, cancellationToken);
        return CustomerReader.ContactWithVersion(contact, customer);
    }
}

internal static class UpdateCustomerContactEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}/contacts/{contactId:guid}", async Task<Ok<ContactResponse>> (Guid id, Guid contactId, ContactRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateCustomerContactCommand(id, contactId, EntityTags.RequireIfMatch(http), request), ct)).Ok(response))
            .WithName("UpdateCustomerContact")
            .WithSummary("Update a contact")
            .WithDescription("Needs the customer's ETag. `isBilling: true` moves the billing role to this contact; `false` on the billing contact is ignored (there is always one billing contact: flag another one instead).")
            .RequirePermission(Permissions.Customers, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(CustomerExamples.ContactRequest, 200, CustomerExamples.Contact);
}
