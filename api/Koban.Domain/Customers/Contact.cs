using Koban.Domain.Common;

namespace Koban.Domain.Customers;

public sealed record ContactData(string? FirstName, string? LastName, string? Email, string? Phone, string? JobTitle);

/// <summary>A person at the customer. Exactly one contact is the billing contact once there is any (see <see cref="Customer"/>).</summary>
public sealed class Contact
{
    private Contact()
    {
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string? JobTitle { get; private set; }
    public bool IsBilling { get; internal set; }

    internal static Contact Create(Guid customerId, ContactData data)
    {
        var contact = new Contact { Id = Guid.CreateVersion7(), CustomerId = customerId };
        contact.Apply(data);
        return contact;
    }

    internal void Apply(ContactData data)
    {
        if (string.IsNullOrWhiteSpace(data.FirstName) && string.IsNullOrWhiteSpace(data.LastName))
            throw new DomainException(ErrorCodes.ContactNameRequired, "A contact needs a name.") { Field = "lastName" };
        var email = Blank(data.Email);
        // Shape only (one @, a dot in the domain, no spaces): deliverability is proven by sending, not by a regex.
        if (email is not null && !LooksLikeEmail(email))
            throw new DomainException(ErrorCodes.ContactEmailInvalid, "Invalid e-mail address.") { Field = "email" };

        FirstName = Blank(data.FirstName);
        LastName = Blank(data.LastName);
        Email = email;
        Phone = Blank(data.Phone);
        JobTitle = Blank(data.JobTitle);
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == email.LastIndexOf('@')
            && email.IndexOf('.', at) is var dot && dot > at + 1 && dot < email.Length - 1
            && !email.Any(char.IsWhiteSpace);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
