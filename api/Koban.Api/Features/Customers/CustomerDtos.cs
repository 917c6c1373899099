using Koban.Api.Features.Common;
using Koban.Domain.Customers;

namespace Koban.Api.Features.Customers;

public sealed record ContactResponse(Guid Id, string? FirstName, string? LastName, string? Email, string? Phone, string? JobTitle, bool IsBilling)
{
    internal static ContactResponse From(Contact c) => new(c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.JobTitle, c.IsBilling);
}

public sealed record DeliveryAddressDto(Guid? Id, string Label, PostalAddressDto Address);

public sealed record CustomerResponse(
    Guid Id,
    CustomerKind Kind,
    string Name,
    string CountryCode,
    CustomerVatRegime VatRegime,
    string? Siren,
    string? Siret,
    string? VatNumber,
    PostalAddressDto? BillingAddress,
    IReadOnlyList<DeliveryAddressDto> DeliveryAddresses,
    PaymentTermsDto? PaymentTerms,
    string AccountingCode,
    string? Notes,
    bool IsArchived,
    IReadOnlyList<ContactResponse> Contacts,
    DateTimeOffset UpdatedAt)
{
    internal static CustomerResponse From(Customer c) => new(
        c.Id, c.Kind, c.Name, c.CountryCode, c.VatRegime, c.Siren, c.Siret, c.VatNumber,
        PostalAddressDto.From(c.BillingAddress),
        [.. c.DeliveryAddresses.Select(d => new DeliveryAddressDto(d.Id, d.Label, PostalAddressDto.From(d.Address)!))],
        PaymentTermsDto.From(c.PaymentTerms), c.AccountingCode, c.Notes, c.IsArchived,
        [.. c.Contacts.OrderByDescending(x => x.IsBilling).ThenBy(x => x.LastName).Select(ContactResponse.From)],
        c.UpdatedAt);
}

/// <summary>A row of the customer list: what the list shows and searches, without the whole aggregate.</summary>
public sealed record CustomerSummary(
    Guid Id,
    CustomerKind Kind,
    string Name,
    string CountryCode,
    CustomerVatRegime VatRegime,
    string? City,
    string? Siren,
    string AccountingCode,
    string? BillingContactName,
    string? BillingContactEmail,
    bool IsArchived,
    DateTimeOffset UpdatedAt);

public sealed record CustomerList(IReadOnlyList<CustomerSummary> Items, string? NextCursor, bool HasMore);

public sealed record ContactRequest(string? FirstName, string? LastName, string? Email, string? Phone, string? JobTitle, bool IsBilling = false)
{
    internal ContactData ToData() => new(FirstName, LastName, Email, Phone, JobTitle);
}

/// <summary>Create or replace a customer. <c>vatRegime</c> null = derived from country and kind; <c>accountingCode</c>
/// null = generated from the name (411 + letters, made unique).</summary>
public sealed record CustomerRequest(
    CustomerKind Kind,
    string Name,
    string CountryCode,
    CustomerVatRegime? VatRegime,
    string? Siren,
    string? Siret,
    string? VatNumber,
    PostalAddressDto? BillingAddress,
    IReadOnlyList<DeliveryAddressDto>? DeliveryAddresses,
    PaymentTermsDto? PaymentTerms,
    string? AccountingCode,
    string? Notes);

public sealed record CreateCustomerRequest(
    CustomerKind Kind,
    string Name,
    string CountryCode,
    CustomerVatRegime? VatRegime,
    string? Siren,
    string? Siret,
    string? VatNumber,
    PostalAddressDto? BillingAddress,
    IReadOnlyList<DeliveryAddressDto>? DeliveryAddresses,
    PaymentTermsDto? PaymentTerms,
    string? AccountingCode,
    string? Notes,
    IReadOnlyList<ContactRequest>? Contacts)
{
    internal CustomerRequest Customer => new(Kind, Name, CountryCode, VatRegime, Siren, Siret, VatNumber, BillingAddress, DeliveryAddresses, PaymentTerms, AccountingCode, Notes);
}
