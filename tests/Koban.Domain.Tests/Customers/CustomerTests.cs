using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Customers;

namespace Koban.Domain.Tests.Customers;

public sealed class CustomerTests
{
    private static readonly Siren AirFranceSiren = Siren.Parse("732829320");

    private static CustomerData FrenchBusiness() => new(CustomerKind.Business, " Société Générale ", "fr", Siren: AirFranceSiren);

    private static CustomerData GermanBusiness() => new(CustomerKind.Business, "Muster GmbH", "DE", VatNumber: VatNumber.Parse("DE123456789"));

    [Test]
    public void A_French_business_gets_the_French_regime_and_a_suggested_account()
    {
        var customer = Customer.Create(FrenchBusiness());

        customer.Name.ShouldBe("Société Générale");
        customer.CountryCode.ShouldBe("FR");
        customer.VatRegime.ShouldBe(CustomerVatRegime.France);
        customer.Siren.ShouldBe("732829320");
        customer.AccountingCode.ShouldBe("411SOCIETE");
        customer.Contacts.ShouldBeEmpty();
    }

    [TestCase("FR", CustomerKind.Business, CustomerVatRegime.France)]
    [TestCase("MC", CustomerKind.Business, CustomerVatRegime.France)]
    [TestCase("DE", CustomerKind.Business, CustomerVatRegime.IntraEuBusiness)]
    [TestCase("DE", CustomerKind.Individual, CustomerVatRegime.France)]
    [TestCase("CH", CustomerKind.Business, CustomerVatRegime.OutsideEu)]
    [TestCase("US", CustomerKind.Individual, CustomerVatRegime.OutsideEu)]
    public void The_default_VAT_regime_follows_the_country_and_the_kind(string country, CustomerKind kind, CustomerVatRegime regime) =>
        Customer.DefaultVatRegime(country, kind).ShouldBe(regime);

    [Test]
    public void A_French_business_needs_a_SIREN() =>
        Should.Throw<DomainException>(() => Customer.Create(FrenchBusiness() with { Siren = null })).Code.ShouldBe(ErrorCodes.CustomerSirenRequired);

    [Test]
    public void A_SIRET_gives_the_SIREN()
    {
        var customer = Customer.Create(FrenchBusiness() with { Siren = null, Siret = Siret.Parse("73282932000074") });

        customer.Siren.ShouldBe("732829320");
        customer.Siret.ShouldBe("73282932000074");
    }

    [Test]
    public void A_SIRET_of_another_company_than_the_SIREN_is_refused() =>
        Should.Throw<DomainException>(() => Customer.Create(FrenchBusiness() with { Siren = Siren.Parse("404833048"), Siret = Siret.Parse("73282932000074") }))
            .Code.ShouldBe(ErrorCodes.SiretSirenMismatch);

    [Test]
    public void A_French_VAT_number_must_match_the_SIREN() =>
        Should.Throw<DomainException>(() => Customer.Create(FrenchBusiness() with { VatNumber = VatNumber.Parse("FR83404833048") }))
            .Code.ShouldBe(ErrorCodes.VatNumberSirenMismatch);

    [Test]
    public void An_individual_needs_no_SIREN() =>
        Customer.Create(new CustomerData(CustomerKind.Individual, "Jean Dupont", "FR")).Siren.ShouldBeNull();

    [Test]
    public void An_EU_business_is_intra_EU_with_its_VAT_number()
    {
        var customer = Customer.Create(GermanBusiness());

        customer.VatRegime.ShouldBe(CustomerVatRegime.IntraEuBusiness);
        customer.VatNumber.ShouldBe("DE123456789");
    }

    [Test]
    public void The_intra_EU_regime_requires_a_VAT_number() =>
        Should.Throw<DomainException>(() => Customer.Create(GermanBusiness() with { VatNumber = null })).Code.ShouldBe(ErrorCodes.CustomerVatNumberRequired);

    [Test]
    public void The_intra_EU_regime_requires_a_foreign_VAT_number() =>
        Should.Throw<DomainException>(() => Customer.Create(GermanBusiness() with { VatNumber = VatNumber.ForFrenchSiren(AirFranceSiren) }))
            .Code.ShouldBe(ErrorCodes.CustomerVatNumberCountryMismatch);

    [Test]
    public void The_intra_EU_regime_is_for_businesses_only() =>
        Should.Throw<DomainException>(() => Customer.Create(GermanBusiness() with { Kind = CustomerKind.Individual, VatRegime = CustomerVatRegime.IntraEuBusiness }))
            .Code.ShouldBe(ErrorCodes.VatRegimeRequiresBusiness);

    [TestCase("FR", CustomerVatRegime.IntraEuBusiness)]
    [TestCase("DE", CustomerVatRegime.OutsideEu)]
    [TestCase("US", CustomerVatRegime.France)]
    [TestCase("DE", CustomerVatRegime.France)]
    public void A_regime_that_contradicts_the_country_is_refused(string country, CustomerVatRegime regime) =>
        Should.Throw<DomainException>(() => Customer.Create(GermanBusiness() with { CountryCode = country, VatRegime = regime, Siren = AirFranceSiren }))
            .Code.ShouldBe(ErrorCodes.VatRegimeCountryMismatch);

    [Test]
    public void An_explicit_regime_is_stored() =>
        Customer.Create(new CustomerData(CustomerKind.Individual, "Anna", "DE", VatRegime: CustomerVatRegime.France)).VatRegime.ShouldBe(CustomerVatRegime.France);

    [Test]
    public void An_unknown_country_is_refused() =>
        Should.Throw<DomainException>(() => Customer.Create(FrenchBusiness() with { CountryCode = "ZZ" })).Code.ShouldBe(ErrorCodes.CountryCodeInvalid);

    [Test]
    public void A_customer_needs_a_name() =>
        Should.Throw<DomainException>(() => Customer.Create(FrenchBusiness() with { Name = "  " })).Code.ShouldBe(ErrorCodes.CustomerNameRequired);

    [Test]
    public void Business_payment_terms_beyond_the_legal_maximum_are_refused_but_not_for_individuals()
    {
        var terms = new PaymentTerms(PaymentTermsKind.Days, 90);

        Should.Throw<DomainException>(() => Customer.Create(FrenchBusiness() with { PaymentTerms = terms })).Code.ShouldBe(ErrorCodes.PaymentTermsBeyondLegalMaximum);
        Customer.Create(new CustomerData(CustomerKind.Individual, "Jean", "FR", PaymentTerms: terms)).PaymentTerms.ShouldBe(terms);
    }

    [TestCase("Société Générale", "411SOCIETE")]
    [TestCase("A&B", "411AB")]
    [TestCase("Ça Va Électrique", "411CAVAELE")]
    [TestCase("123", "411CLIENT")]
    public void The_suggested_account_is_411_and_the_upper_case_letters_of_the_name(string name, string code) =>
        Customer.SuggestAccountingCode(name).ShouldBe(code);

    [Test]
    public void The_account_is_editable_and_upper_cased()
    {
        var customer = Customer.Create(FrenchBusiness() with { AccountingCode = "411socgen2" });

        customer.AccountingCode.ShouldBe("411SOCGEN2");
        customer.SetAccountingCode("411SG");
        customer.AccountingCode.ShouldBe("411SG");
        Should.Throw<DomainException>(() => customer.SetAccountingCode("411 SG")).Code.ShouldBe(ErrorCodes.AccountingCodeInvalid);
    }

    [Test]
    public void An_update_without_an_account_keeps_the_current_one()
    {
        var customer = Customer.Create(FrenchBusiness() with { AccountingCode = "411SG2" });

        customer.Update(FrenchBusiness() with { Name = "Autre nom" });

        customer.AccountingCode.ShouldBe("411SG2");
    }

    [Test]
    public void A_customer_is_archived_and_unarchived_once()
    {
        var customer = Customer.Create(FrenchBusiness());

        customer.Archive();
        Should.Throw<DomainConflictException>(customer.Archive);
        customer.Unarchive();
        Should.Throw<DomainConflictException>(customer.Unarchive);
    }

    [Test]
    public void Delivery_addresses_are_added_updated_and_removed_with_their_label()
    {
        var customer = Customer.Create(FrenchBusiness());
        var address = PostalAddress.Create("1 rue A", null, "69001", "Lyon", "FR");

        var delivery = customer.AddDeliveryAddress(" Entrepôt Lyon ", address);
        delivery.Label.ShouldBe("Entrepôt Lyon");
        customer.UpdateDeliveryAddress(delivery.Id, "Dépôt", address);
        customer.DeliveryAddresses.ShouldHaveSingleItem().Label.ShouldBe("Dépôt");
        Should.Throw<DomainException>(() => customer.AddDeliveryAddress(" ", address)).Code.ShouldBe(ErrorCodes.DeliveryAddressLabelRequired);
        customer.RemoveDeliveryAddress(delivery.Id);
        customer.DeliveryAddresses.ShouldBeEmpty();
        Should.Throw<DomainException>(() => customer.RemoveDeliveryAddress(delivery.Id)).Code.ShouldBe(ErrorCodes.DeliveryAddressNotFound);
    }
}

public sealed class CustomerContactTests
{
    private static Customer NewCustomer() => Customer.Create(new CustomerData(CustomerKind.Individual, "Jean Dupont", "FR"));

    private static ContactData Person(string lastName) => new("Marie", lastName, $"{lastName.ToLowerInvariant()}@example.fr", null, null);

    [Test]
    public void The_first_contact_becomes_the_billing_contact()
    {
        var customer = NewCustomer();

        var contact = customer.AddContact(Person("Curie"));

        contact.IsBilling.ShouldBeTrue();
        customer.BillingContact.ShouldBe(contact);
    }

    [Test]
    public void A_later_contact_is_not_billing_unless_asked()
    {
        var customer = NewCustomer();
        var first = customer.AddContact(Person("Curie"));

        customer.AddContact(Person("Noether")).IsBilling.ShouldBeFalse();
        customer.BillingContact.ShouldBe(first);
    }

    [Test]
    public void Making_another_contact_billing_unsets_the_previous_one()
    {
        var customer = NewCustomer();
        var first = customer.AddContact(Person("Curie"));
        var second = customer.AddContact(Person("Noether"), isBilling: true);

        first.IsBilling.ShouldBeFalse();
        second.IsBilling.ShouldBeTrue();
        customer.SetBillingContact(first.Id);
        customer.Contacts.Count(c => c.IsBilling).ShouldBe(1);
        customer.BillingContact.ShouldBe(first);
    }

    [Test]
    public void Removing_the_billing_contact_promotes_the_oldest_remaining_one()
    {
        var customer = NewCustomer();
        var first = customer.AddContact(Person("Curie"));
        var second = customer.AddContact(Person("Noether"));
        customer.AddContact(Person("Lovelace"));

        customer.RemoveContact(first.Id);

        customer.BillingContact.ShouldBe(second);
    }

    [Test]
    public void Removing_the_last_contact_leaves_no_billing_contact()
    {
        var customer = NewCustomer();
        var only = customer.AddContact(Person("Curie"));

        customer.RemoveContact(only.Id);

        customer.BillingContact.ShouldBeNull();
    }

    [Test]
    public void A_contact_needs_a_name_and_a_plausible_email()
    {
        var customer = NewCustomer();

        Should.Throw<DomainException>(() => customer.AddContact(new ContactData(" ", null, null, null, null))).Code.ShouldBe(ErrorCodes.ContactNameRequired);
        Should.Throw<DomainException>(() => customer.AddContact(new ContactData("Marie", null, "marie@", null, null))).Code.ShouldBe(ErrorCodes.ContactEmailInvalid);
        Should.Throw<DomainException>(() => customer.AddContact(new ContactData("Marie", null, "ma rie@x.fr", null, null))).Code.ShouldBe(ErrorCodes.ContactEmailInvalid);
        customer.Contacts.ShouldBeEmpty();
    }

    [Test]
    public void Updating_a_contact_of_another_customer_is_refused() =>
        Should.Throw<DomainException>(() => NewCustomer().UpdateContact(Guid.NewGuid(), Person("X"))).Code.ShouldBe(ErrorCodes.ContactNotFound);

    [Test]
    public void A_contact_is_updated_in_place()
    {
        var customer = NewCustomer();
        var contact = customer.AddContact(Person("Curie"));

        customer.UpdateContact(contact.Id, new ContactData("Pierre", "Curie", null, " 01 02 03 04 05 ", "Directeur"));

        contact.FirstName.ShouldBe("Pierre");
        contact.Email.ShouldBeNull();
        contact.Phone.ShouldBe("01 02 03 04 05");
        contact.IsBilling.ShouldBeTrue();
    }
}
