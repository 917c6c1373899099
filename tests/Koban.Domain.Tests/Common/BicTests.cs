using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed class BicTests
{
    [Test]
    public void An_eight_character_BIC_is_accepted_without_a_branch()
    {
        var bic = Bic.Parse("BNPAFRPP");

        bic.InstitutionCode.ShouldBe("BNPA");
        bic.CountryCode.ShouldBe("FR");
        bic.LocationCode.ShouldBe("PP");
        bic.BranchCode.ShouldBeNull();
    }

    [Test]
    public void An_eleven_character_BIC_carries_its_branch() =>
        Bic.Parse("DEUTDEFF500").BranchCode.ShouldBe("500");

    [TestCase("bnpa fr pp xxx", "BNPAFRPPXXX")]
    [TestCase(" cepafrpp751 ", "CEPAFRPP751")]
    public void Spaces_and_case_are_normalised(string input, string expected) =>
        Bic.Parse(input).Value.ShouldBe(expected);

    [TestCase("AGRIFRP1")]
    [TestCase("NWBKGB2L")]
    [TestCase("SOGEFRPPHCM")]
    public void A_location_or_branch_may_contain_digits(string input) =>
        Bic.IsValid(input).ShouldBeTrue();

    [Test]
    public void The_primary_office_written_with_or_without_XXX_is_kept_as_entered() =>
        Bic.Parse("BNPAFRPPXXX").ShouldNotBe(Bic.Parse("BNPAFRPP"));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("BNPAFRP")]
    [TestCase("BNPAFRPPXX")]
    [TestCase("BNPAFRPPXXXX")]
    [TestCase("BNP1FRPP", Description = "institution code must be letters")]
    [TestCase("BNPAF1PP", Description = "country code must be letters")]
    [TestCase("BNPA-FR-PP")]
    [TestCase("BNPAFRP_")]
    public void Anything_else_is_refused(string? input)
    {
        Bic.TryParse(input, out var bic).ShouldBeFalse();
        bic.ShouldBeNull();
        Bic.FindError(input).ShouldBe(ErrorCodes.BicInvalidFormat);
    }

    [Test]
    public void A_refused_BIC_names_its_field()
    {
        var exception = Should.Throw<DomainException>(() => Bic.Parse("nope", "bankAccount.bic"));

        exception.Code.ShouldBe(ErrorCodes.BicInvalidFormat);
        exception.Field.ShouldBe("bankAccount.bic");
    }
}
