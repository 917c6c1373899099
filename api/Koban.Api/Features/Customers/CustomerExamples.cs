using Koban.Api.Features.Common;
using Koban.Domain.Common;
using Koban.Domain.Customers;

namespace Koban.Api.Features.Customers;

/// <summary>Typed examples of the customer endpoints for openapi.yaml, built from the real DTOs.</summary>
internal static class CustomerExamples
{
    private static readonly Guid Id = Guid.Parse("01936c00-1111-7000-8000-00000000c001");
    private static readonly PostalAddressDto Address = new("8 quai Saint-Vincent", null, "69001", "Lyon", "FR");

    public static readonly ContactRequest ContactRequest = new("Claire", "Durand", "claire.durand@menuiserie-durand.fr", "+33 4 72 00 00 00", "Comptable", true);

    public static readonly ContactResponse Contact = new(Guid.Parse("01936c00-2222-7000-8000-00000000c002"), "Claire", "Durand",
        "claire.durand@menuiserie-durand.fr", "+33 4 72 00 00 00", "Comptable", true);

    public static readonly CreateCustomerRequest Create = new(CustomerKind.Business, "Menuiserie Durand SARL", "FR", null, "404833048", null, "FR83404833048",
        Address, [new DeliveryAddressDto(null, "Atelier", new PostalAddressDto("ZA des Pins", "Bâtiment C", "69400", "Villefranche-sur-Saône", "FR"))],
        new PaymentTermsDto(PaymentTermsKind.Days, 30), null, "Client depuis 2019", [ContactRequest]);

    public static readonly CustomerRequest Update = Create.Customer with { Notes = "Relancer en janvier" };

    public static readonly CustomerResponse Customer = new(Id, CustomerKind.Business, "Menuiserie Durand SARL", "FR", CustomerVatRegime.France, "404833048", null,
        "FR83404833048", Address, [new DeliveryAddressDto(Guid.Parse("01936c00-3333-7000-8000-00000000c003"), "Atelier",
            new PostalAddressDto("ZA des Pins", "Bâtiment C", "69400", "Villefranche-sur-Saône", "FR"))],
        new PaymentTermsDto(PaymentTermsKind.Days, 30), "411MENUISE", "Client depuis 2019", false, [Contact], new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public static readonly CustomerSummary Summary = new(Id, CustomerKind.Business, "Menuiserie Durand SARL", "FR", CustomerVatRegime.France, "Lyon", "404833048", "411MENUISE",
        "Claire Durand", "claire.durand@menuiserie-durand.fr", false, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public static readonly ImportReport Import = new(3, 1, 1, 1, false,
    [
        new ImportRowResult(2, ImportOutcome.Created, "Menuiserie Durand SARL", Id, []),
        new ImportRowResult(3, ImportOutcome.Updated, "Boulangerie Martin", Guid.Parse("01936c00-4444-7000-8000-00000000c004"), []),
        new ImportRowResult(4, ImportOutcome.Refused, "Garage du Centre", null, [new ImportRowError("siren", "siren_invalid_check_digit", "Le SIREN est invalide (clé de contrôle).")]),
    ]);
}
