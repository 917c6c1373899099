using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

/// <summary>Answers the customer's new version (its ETag).</summary>
public sealed record RemoveCustomerContactCommand(Guid CustomerId, Guid ContactId, uint ExpectedVersion) : ICommand<uint>;

public sealed class RemoveCustomerContactHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<RemoveCustomerContactCommand, uint>
{
    public async ValueTask<uint> Handle(RemoveCustomerContactCommand command, CancellationToken cancellationToken)
    {
        var customer = await CustomerLoader.LoadForUpdateAsync(db, command.CustomerId, command.ExpectedVersion, cancellationToken);
        var contact = customer.Contacts.SingleOrDefault(c => c.Id == command.ContactId) ?? throw new NotFoundException("contact", command.ContactId);
        var before = CustomerReader.Contact(contact);
        customer.RemoveContact(contact.Id);
        audit.Record("customer.contact_removed", "customer", customer.Id, before: before);
        await CustomerLoader.SaveBillingSwapAsync(db, cancellationToken);
        return customer.Version;
    }
}

internal static class RemoveCustomerContactEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}/contacts/{contactId:guid}", async Task<NoContent> (Guid id, Guid contactId, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                EntityTags.Set(response, await mediator.Send(new RemoveCustomerContactCommand(id, contactId, EntityTags.RequireIfMatch(http)), ct));
                return TypedResults.NoContent();
            })
            .WithName("RemoveCustomerContact")
            .WithSummary("Remove a contact")
            .WithDescription("Needs the customer's ETag. Removing the billing contact makes the oldest remaining contact the billing contact.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .RequiresIfMatch();
}
