using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed class SiretTests
{
    [Test]
    public void A_SIRET_with_a_correct_Luhn_key_is_accepted_and_split_into_SIREN_and_NIC()
    {
        var siret = Siret.Parse("732 829 320 00074");

        siret.Value.ShouldBe("73282932000074");
        siret.Siren.ShouldBe(Siren.Parse("732829320"));
        siret.Nic.ShouldBe("00074");
        siret.Formatted.ShouldBe("732 829 320 00074");
    }

    [Test]
    public void A_SIRET_with_a_wrong_check_digit_is_refused()
    {
        var exception = Should.Throw<DomainException>(() => Siret.Parse("73282932000079"));

        exception.Code.ShouldBe(ErrorCodes.SiretInvalidCheckDigit);
        exception.Field.ShouldBe("siret");
    }

    [Test]
    public void A_SIRET_whose_SIREN_part_is_wrong_is_refused_even_when_the_14_digits_pass_Luhn() =>
        Siret.FindError("73282932100007").ShouldBe(ErrorCodes.SiretInvalidCheckDigit);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("7328293200007")]
    [TestCase("732829320000745")]
    [TestCase("7328293200007A")]
    [TestCase("732829320")]
    public void Anything_but_fourteen_digits_is_refused_as_a_format_error(string? input)
    {
        Siret.IsValid(input).ShouldBeFalse();
        Siret.FindError(input).ShouldBe(ErrorCodes.SiretInvalidFormat);
    }

    [Test]
    public void A_La_Poste_establishment_is_valid_when_its_digits_add_up_to_a_multiple_of_five()
    {
        // 3+5+6+0…+0+1 = 15; the Luhn key of this number is wrong.
        Siret.TryParse("35600000000001", out var siret).ShouldBeTrue();
        siret!.Siren.Value.ShouldBe("356000000");
    }

    [Test]
    public void A_La_Poste_establishment_is_refused_when_its_digit_sum_is_not_a_multiple_of_five() =>
        Siret.FindError("35600000000002").ShouldBe(ErrorCodes.SiretInvalidCheckDigit);

    [Test]
    public void A_La_Poste_establishment_is_not_rescued_by_a_correct_Luhn_key() =>
        Siret.FindError("35600000000014").ShouldBe(ErrorCodes.SiretInvalidCheckDigit);

    [Test]
    public void La_Poste_head_office_follows_Luhn_like_everyone_else() =>
        Siret.IsValid("356 000 000 00048").ShouldBeTrue();
}
