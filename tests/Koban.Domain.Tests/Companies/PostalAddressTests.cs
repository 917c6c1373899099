using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Domain.Tests.Companies;

public sealed class PostalAddressTests
{
    [Test]
    public void A_French_address_is_trimmed_and_its_country_upper_cased()
    {
        var address = PostalAddress.Create(" 12 rue de la Paix ", "  ", " 75002 ", " Paris ", "fr");

        address.Line1.ShouldBe("12 rue de la Paix");
        address.Line2.ShouldBeNull();
        address.PostalCode.ShouldBe("75002");
        address.City.ShouldBe("Paris");
        address.CountryCode.ShouldBe("FR");
    }

    [Test]
    public void A_second_line_is_kept_when_given() =>
        PostalAddress.Create("12 rue de la Paix", " Bâtiment B ", "75002", "Paris", "FR").Line2.ShouldBe("Bâtiment B");

    [TestCase("20000", Description = "Corsica keeps numeric postal codes")]
    [TestCase("01000")]
    [TestCase("97400")]
    public void A_five_digit_French_postal_code_is_accepted(string postalCode) =>
        PostalAddress.FindError("1 place du Marché", postalCode, "Ville", "FR").ShouldBeNull();

    [TestCase("7500")]
    [TestCase("750002")]
    [TestCase("75 002")]
    [TestCase("2A000")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("\u0667\u0665\u0660\u0660\u0662")]
    public void A_French_postal_code_other_than_five_digits_is_refused(string? postalCode)
    {
        var exception = Should.Throw<DomainException>(() => PostalAddress.Create("12 rue de la Paix", null, postalCode, "Paris", "FR"));

        exception.Code.ShouldBe(ErrorCodes.PostalCodeInvalid);
        exception.Field.ShouldBe("postalCode");
    }

    [TestCase("MC", "98000")]
    [TestCase("GP", "97110")]
    [TestCase("RE", "97400")]
    [TestCase("NC", "98800")]
    public void Monaco_and_French_overseas_territories_use_French_postal_codes(string country, string postalCode)
    {
        PostalAddress.FindError("1 rue X", postalCode, "Ville", country).ShouldBeNull();
        PostalAddress.FindError("1 rue X", postalCode[..4], "Ville", country).ShouldBe(ErrorCodes.PostalCodeInvalid);
    }

    [TestCase("DE", "10115")]
    [TestCase("GB", "SW1A 1AA")]
    [TestCase("NL", "1012 JS")]
    [TestCase("PT", "1000-001")]
    [TestCase("IE", "")]
    [TestCase("HK", null)]
    public void Foreign_postal_codes_are_taken_as_written_and_may_be_absent(string country, string? postalCode) =>
        PostalAddress.Create("Somewhere 1", null, postalCode, "City", country).PostalCode.ShouldBe(postalCode ?? string.Empty);

    [TestCase("ZZ")]
    [TestCase("F")]
    [TestCase("FRA")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("UK", Description = "the ISO code of the United Kingdom is GB")]
    [TestCase("EL", Description = "EL is the VAT prefix of Greece, not its ISO code")]
    public void A_country_that_is_not_an_ISO_3166_alpha_2_code_is_refused(string? country)
    {
        var exception = Should.Throw<DomainException>(() => PostalAddress.Create("1 rue X", null, "75001", "Paris", country));

        exception.Code.ShouldBe(ErrorCodes.CountryCodeInvalid);
        exception.Field.ShouldBe("countryCode");
    }

    [TestCase("XK")]
    [TestCase("gr")]
    public void Kosovo_and_lower_case_codes_are_accepted(string country) =>
        PostalAddress.FindError("1 rr. X", "10000", "City", country).ShouldBeNull();

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void The_first_line_is_required(string? line1)
    {
        var exception = Should.Throw<DomainException>(() => PostalAddress.Create(line1, "Bâtiment B", "75002", "Paris", "FR"));

        exception.Code.ShouldBe(ErrorCodes.AddressLine1Required);
        exception.Field.ShouldBe("line1");
    }

    [TestCase(null)]
    [TestCase(" ")]
    public void The_city_is_required(string? city)
    {
        var exception = Should.Throw<DomainException>(() => PostalAddress.Create("12 rue de la Paix", null, "75002", city, "FR"));

        exception.Code.ShouldBe(ErrorCodes.AddressCityRequired);
        exception.Field.ShouldBe("city");
    }

    [Test]
    public void Two_identical_addresses_are_equal() =>
        PostalAddress.Create("1 rue X", null, "75001", "Paris", "fr").ShouldBe(PostalAddress.Create("1 rue X ", "", "75001", "Paris", "FR"));
}
