using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed class VatNumberTests
{
    [TestCase("FR83404833048")]
    [TestCase("FR44732829320")]
    [TestCase("FR39356000000")]
    public void A_French_number_whose_key_matches_its_SIREN_is_accepted(string input)
    {
        var vat = VatNumber.Parse(input);

        vat.Value.ShouldBe(input);
        vat.CountryCode.ShouldBe("FR");
        vat.NationalNumber.ShouldBe(input[2..]);
    }

    [TestCase("FR 83 404 833 048")]
    [TestCase("fr83404833048")]
    [TestCase("FR83.404.833.048")]
    [TestCase("FR-83-404833048")]
    [TestCase(" FR\u00A083\u00A0404\u00A0833\u00A0048 ")]
    public void Spaces_dots_hyphens_and_case_are_normalised(string input) =>
        VatNumber.Parse(input).Value.ShouldBe("FR83404833048");

    [Test]
    public void The_French_number_is_computed_from_the_SIREN()
    {
        VatNumber.ForFrenchSiren(Siren.Parse("404833048")).Value.ShouldBe("FR83404833048");
        VatNumber.ForFrenchSiren(Siren.Parse("732829320")).Value.ShouldBe("FR44732829320");
    }

    [Test]
    public void A_key_below_ten_is_written_with_a_leading_zero()
    {
        // Searched rather than hard-coded, so the test states the property instead of a magic number.
        var siren = Enumerable.Range(0, 10_000)
            .Select(i => (732_800_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(s => Siren.TryParse(s, out var parsed) ? parsed : null)
            .OfType<Siren>()
            .First(s => VatNumber.ForFrenchSiren(s).Value[2] == '0');

        var vat = VatNumber.ForFrenchSiren(siren);

        vat.Value.Length.ShouldBe(13);
        VatNumber.IsValid(vat.Value).ShouldBeTrue();
    }

    [Test]
    public void A_French_number_with_a_wrong_key_is_refused()
    {
        var exception = Should.Throw<DomainException>(() => VatNumber.Parse("FR84404833048"));

        exception.Code.ShouldBe(ErrorCodes.VatNumberInvalidKey);
        exception.Field.ShouldBe("vatNumber");
    }

    [Test]
    public void A_French_number_over_a_SIREN_with_a_wrong_Luhn_key_is_refused() =>
        VatNumber.FindError("FR83404833049").ShouldBe(ErrorCodes.VatNumberInvalidSiren);

    [Test]
    public void A_Monegasque_number_over_000_is_checked_on_its_key_only()
    {
        VatNumber.IsValid("FR90000012345").ShouldBeTrue();
        VatNumber.FindError("FR91000012345").ShouldBe(ErrorCodes.VatNumberInvalidKey);
    }

    [TestCase("FRK7399859412")]
    [TestCase("FR4Z123456782")]
    public void A_new_style_French_number_with_a_letter_key_is_accepted(string input) =>
        VatNumber.IsValid(input).ShouldBeTrue();

    [Test]
    public void A_new_style_French_number_with_a_wrong_letter_key_is_refused() =>
        VatNumber.FindError("FRK8399859412").ShouldBe(ErrorCodes.VatNumberInvalidKey);

    [TestCase("FRIO404833048", Description = "I and O are never used in keys")]
    [TestCase("FR8340483304")]
    [TestCase("FR834048330488")]
    [TestCase("FR83404833O48")]
    [TestCase("FR404833048", Description = "the key is missing")]
    public void A_malformed_French_number_is_refused_as_a_format_error(string input) =>
        VatNumber.FindError(input).ShouldBe(ErrorCodes.VatNumberInvalidFormat);

    [TestCase("ATU13585627", "AT")]
    [TestCase("BE0411905847", "BE")]
    [TestCase("BE1234567890", "BE")]
    [TestCase("DE136695976", "DE")]
    [TestCase("DK13585628", "DK")]
    [TestCase("ESA28015865", "ES")]
    [TestCase("ES12345678Z", "ES")]
    [TestCase("ESX1234567L", "ES")]
    [TestCase("FI20774740", "FI")]
    [TestCase("IE6388047V", "IE")]
    [TestCase("IE1234567FA", "IE")]
    [TestCase("IE8Z49289F", "IE")]
    [TestCase("IT00743110157", "IT")]
    [TestCase("LU15027442", "LU")]
    [TestCase("NL004495445B01", "NL")]
    [TestCase("PL5260250274", "PL")]
    [TestCase("PT501964843", "PT")]
    [TestCase("SE556188840401", "SE")]
    [TestCase("CZ12345678", "CZ")]
    [TestCase("CZ1234567890", "CZ")]
    [TestCase("RO18547290", "RO")]
    [TestCase("CY10259033P", "CY")]
    public void Numbers_of_other_member_states_are_accepted_on_their_format(string input, string country)
    {
        var vat = VatNumber.Parse(input);

        vat.Value.ShouldBe(input);
        vat.CountryCode.ShouldBe(country);
    }

    [TestCase("ATU1358562")]
    [TestCase("AT13585627")]
    [TestCase("BE2411905847")]
    [TestCase("BE411905847")]
    [TestCase("DE13669597")]
    [TestCase("DE1366959761")]
    [TestCase("DK1358562")]
    [TestCase("ES123456789")]
    [TestCase("FI2077474")]
    [TestCase("IE63880470")]
    [TestCase("IT0074311015")]
    [TestCase("LU1502744")]
    [TestCase("NL004495445B1")]
    [TestCase("NL004495445X01")]
    [TestCase("PL526025027")]
    [TestCase("PT50196484")]
    [TestCase("SE556188840402")]
    [TestCase("RO0123")]
    [TestCase("DE\u0661\u0663\u0666\u0666\u0669\u0665\u0669\u0667\u0666")]
    public void A_number_not_shaped_like_its_country_s_is_refused(string input) =>
        VatNumber.FindError(input).ShouldBe(ErrorCodes.VatNumberInvalidFormat);

    [Test]
    public void Greek_numbers_carry_the_EL_prefix_but_the_GR_country_code()
    {
        var vat = VatNumber.Parse("EL094259216");

        vat.Prefix.ShouldBe("EL");
        vat.CountryCode.ShouldBe("GR");
    }

    [Test]
    public void A_Greek_number_typed_with_GR_is_stored_with_the_VIES_prefix_EL() =>
        VatNumber.Parse("GR 094259216").Value.ShouldBe("EL094259216");

    [TestCase("GB123456789", Description = "the United Kingdom left the EU")]
    [TestCase("CHE123456789")]
    [TestCase("US123456789")]
    [TestCase("XI123456789")]
    public void A_number_from_outside_the_EU_is_refused_as_unsupported(string input) =>
        VatNumber.FindError(input).ShouldBe(ErrorCodes.VatNumberUnsupportedCountry);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("FR")]
    [TestCase("404833048")]
    [TestCase("8FR3404833048")]
    public void Input_without_a_country_prefix_is_refused_as_a_format_error(string? input)
    {
        VatNumber.TryParse(input, out var vat).ShouldBeFalse();
        vat.ShouldBeNull();
        VatNumber.FindError(input).ShouldBe(ErrorCodes.VatNumberInvalidFormat);
    }

    [Test]
    public void A_French_number_matches_the_SIREN_it_embeds_and_no_other()
    {
        var vat = VatNumber.Parse("FR83404833048");

        vat.MatchesSiren(Siren.Parse("404833048")).ShouldBeTrue();
        vat.MatchesSiren(Siren.Parse("732829320")).ShouldBeFalse();
    }

    [Test]
    public void A_foreign_number_never_matches_a_SIREN() =>
        VatNumber.Parse("IT00404833048").MatchesSiren(Siren.Parse("404833048")).ShouldBeFalse();
}
