using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Mapster;

namespace Koban.Api.Features.Customers;

public sealed record ContactResponse(Guid Id, string? FirstName, string? LastName, string? Email, string? Phone, string? JobTitle, bool IsBilling);

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
    DateTimeOffset UpdatedAt);

/// <summary>How a customer reads: addresses and payment terms as their DTOs, the billing contact first, then by last name.</summary>
public sealed class CustomerMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Contact, ContactResponse>();
        config.NewConfig<DeliveryAddress, DeliveryAddressDto>()
            .Map(d => d.Address, s => PostalAddressDto.From(s.Address));
        config.NewConfig<Customer, CustomerResponse>()
            .Map(d => d.BillingAddress, s => PostalAddressDto.From(s.BillingAddress))
            .Map(d => d.PaymentTerms, s => PaymentTermsDto.From(s.PaymentTerms))
            .Map(d => d.Contacts, s => s.Contacts.OrderByDescending(x => x.IsBilling).ThenBy(x => x.LastName));
        config.NewConfig<CustomerListRow, CustomerSummary>()
            .Map(d => d.Id, s => s.Customer.Id)
            .Map(d => d.Kind, s => s.Customer.Kind)
            .Map(d => d.Name, s => s.Customer.Name)
            .Map(d => d.CountryCode, s => s.Customer.CountryCode)
            .Map(d => d.VatRegime, s => s.Customer.VatRegime)
            .Map(d => d.City, s => s.Customer.BillingAddress == null ? null : s.Customer.BillingAddress.City)
            .Map(d => d.Siren, s => s.Customer.Siren)
            .Map(d => d.AccountingCode, s => s.Customer.AccountingCode)
            .Map(d => d.BillingContactName, s => s.BillingContact == null ? null : (s.BillingContact.FirstName + " " + s.BillingContact.LastName).Trim())
            .Map(d => d.BillingContactEmail, s => s.BillingContact == null ? null : s.BillingContact.Email)
            .Map(d => d.IsArchived, s => s.Customer.IsArchived)
            .Map(d => d.UpdatedAt, s => s.Customer.UpdatedAt);
    }
}

/// <summary>What a row of the customer list is read from: the customer and its billing contact, if any.</summary>
public sealed record CustomerListRow(Customer Customer, Contact? BillingContact);

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

public sealed class CustomerRequestValidator : AbstractValidator<CustomerRequest>
{
    public CustomerRequestValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.CountryCode).NotEmpty().Length(2);
        RuleFor(c => c.VatRegime).IsInEnum();
        RuleFor(c => c.Siren).Parses(v => Siren.Parse(v));
        RuleFor(c => c.Siret).Parses(v => Siret.Parse(v));
        RuleFor(c => c.VatNumber).Parses(v => VatNumber.Parse(v));
        this.ValidAddress(c => c.BillingAddress, "billingAddress");
        RuleForEach(c => c.DeliveryAddresses).ChildRules(d =>
        {
            d.RuleFor(x => x.Label).NotEmpty().MaximumLength(100);
            d.RuleFor(x => x.Address).NotNull();
            d.ValidAddress(x => x.Address, "address");
        });
        RuleFor(c => c.PaymentTerms!.Kind).IsInEnum().When(c => c.PaymentTerms is not null).OverridePropertyName("paymentTerms.kind");
        RuleFor(c => c.AccountingCode).MaximumLength(Customer.AccountingCodeMaxLength);
        RuleFor(c => c.Notes).MaximumLength(4000);
    }
}

public sealed class ContactRequestValidator : AbstractValidator<ContactRequest>
{
    public ContactRequestValidator()
    {
        RuleFor(c => c.FirstName).MaximumLength(100);
        RuleFor(c => c.LastName).MaximumLength(100);
        RuleFor(c => c.Email).MaximumLength(256);
        RuleFor(c => c.Phone).MaximumLength(40);
        RuleFor(c => c.JobTitle).MaximumLength(100);
    }
}
