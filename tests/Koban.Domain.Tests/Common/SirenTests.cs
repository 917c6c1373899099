using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed class SirenTests
{
    [TestCase("732829320")]
    [TestCase("404833048")]
    [TestCase("542051180")]
    [TestCase("356000000")]
    public void A_SIREN_with_a_correct_Luhn_key_is_accepted(string input)
    {
        Siren.TryParse(input, out var siren).ShouldBeTrue();
        siren!.Value.ShouldBe(input);
        Siren.IsValid(input).ShouldBeTrue();
        Siren.FindError(input).ShouldBeNull();
    }

    [TestCase("732 829 320")]
    [TestCase(" 732829320 ")]
    [TestCase("732\u00A0829\u00A0320")]
    [TestCase("732\u202F829\u202F320")]
    [TestCase("732\t829\n320")]
    public void Spaces_of_any_kind_are_dropped(string input) =>
        Siren.Parse(input).Value.ShouldBe("732829320");

    [Test]
    public void A_SIREN_with_a_wrong_check_digit_is_refused()
    {
        var exception = Should.Throw<DomainException>(() => Siren.Parse("732829321"));

        exception.Code.ShouldBe(ErrorCodes.SirenInvalidCheckDigit);
        exception.Field.ShouldBe("siren");
        exception.Kind.ShouldBe(DomainErrorKind.BusinessRule);
    }

    [Test]
    public void Swapping_two_digits_is_caught_by_the_key() =>
        Siren.FindError("738229320").ShouldBe(ErrorCodes.SirenInvalidCheckDigit);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("73282932")]
    [TestCase("7328293200")]
    [TestCase("73282932A")]
    [TestCase("732.829.320")]
    [TestCase("732-829-320")]
    [TestCase("-73282932")]
    [TestCase("\u0667\u0663\u0662\u0668\u0662\u0669\u0663\u0662\u0660")]
    public void Anything_but_nine_ASCII_digits_is_refused_as_a_format_error(string? input)
    {
        Siren.TryParse(input, out var siren).ShouldBeFalse();
        siren.ShouldBeNull();
        Siren.FindError(input).ShouldBe(ErrorCodes.SirenInvalidFormat);
    }

    [Test]
    public void The_all_zero_placeholder_is_refused_although_it_passes_Luhn() =>
        Siren.FindError("000 000 000").ShouldBe(ErrorCodes.SirenInvalidFormat);

    [Test]
    public void The_caller_names_the_field_it_parsed() =>
        Should.Throw<DomainException>(() => Siren.Parse("1", "customer.siren")).Field.ShouldBe("customer.siren");

    [Test]
    public void A_SIREN_prints_in_groups_of_three()
    {
        var siren = Siren.Parse("732829320");

        siren.Formatted.ShouldBe("732 829 320");
        siren.ToString().ShouldBe("732829320");
    }

    [Test]
    public void Two_SIRENs_with_the_same_digits_are_equal() =>
        Siren.Parse("732 829 320").ShouldBe(Siren.Parse("732829320"));
}
