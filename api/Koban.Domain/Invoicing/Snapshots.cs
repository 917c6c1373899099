using Koban.Domain.Companies;

namespace Koban.Domain.Invoicing;

/// <summary>An address as copied onto a validated document (domain-rules.md §8): plain fields, serialisable, never re-read from the live row.</summary>
public sealed record AddressSnapshot(string Line1, string? Line2, string PostalCode, string City, string CountryCode)
{
    public static AddressSnapshot? From(PostalAddress? address) =>
        address is null ? null : new AddressSnapshot(address.Line1, address.Line2, address.PostalCode, address.City, address.CountryCode);

    public PostalAddress ToPostalAddress() => PostalAddress.Create(Line1, Line2, PostalCode, City, CountryCode);
}

/// <summary>The seller's identity at validation: what the mandatory mentions print (domain-rules.md §4, §8).</summary>
public sealed record SellerSnapshot(
    Guid CompanyId,
    string LegalName,
    string? LegalForm,
    decimal? ShareCapital,
    AddressSnapshot? Address,
    string? Siren,
    string? RcsCity,
    string? VatNumber,
    string? Iban,
    string? Bic,
    bool VatFranchise,
    bool VatOnDebits,
    decimal LatePaymentPenaltyRate);

/// <summary>The buyer at validation: name, addresses, identifiers and accounting code, frozen with the document.</summary>
public sealed record BuyerSnapshot(
    Guid CustomerId,
    string Name,
    bool IsBusiness,
    string CountryCode,
    string VatRegime,
    AddressSnapshot? BillingAddress,
    AddressSnapshot? DeliveryAddress,
    string? Siren,
    string? VatNumber,
    string? AccountingCode,
    string? ContactName,
    string? ContactEmail);
