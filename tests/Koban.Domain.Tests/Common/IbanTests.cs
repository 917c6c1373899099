using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed class IbanTests
{
    [TestCase("FR7630006000011234567890189")]
    [TestCase("FR1420041010050500013M02606")]
    [TestCase("DE89370400440532013000")]
    [TestCase("GB82WEST12345698765432")]
    [TestCase("BE68539007547034")]
    [TestCase("NL91ABNA0417164300")]
    [TestCase("IT60X0542811101000000123456")]
    [TestCase("ES9121000418450200051332")]
    [TestCase("CH9300762011623852957")]
    [TestCase("NO9386011117947")]
    [TestCase("MT84MALT011000012345MTLCAST001S")]
    public void An_IBAN_with_its_country_s_length_and_a_correct_key_is_accepted(string input)
    {
        Iban.TryParse(input, out var iban).ShouldBeTrue();
        iban!.Value.ShouldBe(input);
        Iban.FindError(input).ShouldBeNull();
    }

    [Test]
    public void An_IBAN_is_split_into_country_key_and_national_number()
    {
        var iban = Iban.Parse("FR7630006000011234567890189");

        iban.CountryCode.ShouldBe("FR");
        iban.CheckDigits.ShouldBe("76");
        iban.Bban.ShouldBe("30006000011234567890189");
    }

    [TestCase("fr76 3000 6000 0112 3456 7890 189")]
    [TestCase("  FR76\u00A03000\u00A06000\u00A00112\u00A03456\u00A07890\u00A0189 ")]
    public void Spaces_and_lower_case_are_normalised(string input) =>
        Iban.Parse(input).Value.ShouldBe("FR7630006000011234567890189");

    [TestCase("FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189")]
    [TestCase("DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    [TestCase("BE68539007547034", "BE68 5390 0754 7034")]
    [TestCase("NO9386011117947", "NO93 8601 1117 947")]
    public void An_IBAN_prints_in_groups_of_four(string input, string formatted) =>
        Iban.Parse(input).Formatted.ShouldBe(formatted);

    [TestCase("FR7630006000011234567890188")]
    [TestCase("FR7630006000011234567890198", Description = "two digits swapped")]
    [TestCase("DE88370400440532013000")]
    [TestCase("GB82WEST12345698765433")]
    public void An_IBAN_with_a_wrong_key_is_refused(string input)
    {
        var exception = Should.Throw<DomainException>(() => Iban.Parse(input));

        exception.Code.ShouldBe(ErrorCodes.IbanInvalidChecksum);
        exception.Field.ShouldBe("iban");
    }

    [TestCase("FR0096291370285873357736589", Description = "same remainder as key 97")]
    [TestCase("FR0145649702243319893863928", Description = "same remainder as key 98")]
    [TestCase("FR9917340626421905468427472", Description = "same remainder as key 02")]
    public void Keys_00_01_and_99_are_refused_although_they_pass_MOD_97(string input) =>
        Iban.FindError(input).ShouldBe(ErrorCodes.IbanInvalidChecksum);

    [TestCase("FR9796291370285873357736589")]
    [TestCase("FR9845649702243319893863928")]
    [TestCase("FR0217340626421905468427472")]
    public void Keys_02_and_97_and_98_are_legitimate(string input) =>
        Iban.IsValid(input).ShouldBeTrue();

    [Test]
    public void An_IBAN_of_the_wrong_length_for_its_country_is_refused_and_names_the_expected_length()
    {
        var exception = Should.Throw<DomainException>(() => Iban.Parse("FR763000600001123456789018"));

        exception.Code.ShouldBe(ErrorCodes.IbanInvalidLength);
        exception.Arguments["country"].ShouldBe("FR");
        exception.Arguments["expectedLength"].ShouldBe(27);
    }

    [Test]
    public void A_German_length_is_not_good_enough_for_France() =>
        Iban.FindError("FR89370400440532013000").ShouldBe(ErrorCodes.IbanInvalidLength);

    [TestCase("US64SVBKUS6S3300958879")]
    [TestCase("ZZ7630006000011234567890189")]
    public void An_IBAN_from_a_country_outside_the_table_is_refused_as_unsupported(string input) =>
        Iban.FindError(input).ShouldBe(ErrorCodes.IbanUnsupportedCountry);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("FR76")]
    [TestCase("7630006000011234567890189")]
    [TestCase("F17630006000011234567890189")]
    [TestCase("FRA630006000011234567890189")]
    [TestCase("FR76-3000-6000-0112-3456-7890-189")]
    [TestCase("FR763000600001123456789018É")]
    [TestCase("FR76\u0663\u0660\u0660\u0660\u0666\u0660\u0660\u0660\u0660\u0661\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0668\u0669")]
    public void Input_not_shaped_like_an_IBAN_is_refused_as_a_format_error(string? input)
    {
        Iban.TryParse(input, out var iban).ShouldBeFalse();
        iban.ShouldBeNull();
        Iban.FindError(input).ShouldBe(ErrorCodes.IbanInvalidFormat);
    }

    [Test]
    public void Two_spellings_of_the_same_IBAN_are_equal() =>
        Iban.Parse("fr76 3000 6000 0112 3456 7890 189").ShouldBe(Iban.Parse("FR7630006000011234567890189"));
}
