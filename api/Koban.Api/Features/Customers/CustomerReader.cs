using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Customers;

namespace Koban.Api.Features.Customers;

/// <summary>Builds the customer and contact responses of every use case of the feature (through <see cref="CustomerMapping"/>).</summary>
internal static class CustomerReader
{
    public static CustomerResponse Response(Customer customer) => customer.MapTo<CustomerResponse>();

    public static Versioned<CustomerResponse> WithVersion(Customer customer) => Versioned.Of(Response(customer), customer.Version);

    public static ContactResponse Contact(Contact contact) => contact.MapTo<ContactResponse>();

    /// <summary>A contact with the version of its customer, which its ETag names.</summary>
    public static Versioned<ContactResponse> ContactWithVersion(Contact contact, Customer customer) => Versioned.Of(Contact(contact), customer.Version);

    public static CustomerList List(IEnumerable<Customer> customers, IReadOnlyDictionary<Guid, Contact> billingContacts, string? nextCursor, bool hasMore) =>
        new([.. customers.Select(c => new CustomerListRow(c, billingContacts.GetValueOrDefault(c.Id)).MapTo<CustomerSummary>())], nextCursor, hasMore);
}
