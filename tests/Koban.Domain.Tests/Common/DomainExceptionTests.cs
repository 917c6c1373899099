using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed class DomainExceptionTests
{
    [Test]
    public void A_domain_exception_is_a_business_rule_refusal_by_default()
    {
        var exception = new DomainException(ErrorCodes.SirenInvalidFormat, "bad SIREN");

        exception.Kind.ShouldBe(DomainErrorKind.BusinessRule);
        exception.Code.ShouldBe("siren_invalid_format");
        exception.Message.ShouldBe("bad SIREN");
        exception.Field.ShouldBeNull();
        exception.Arguments.ShouldBeEmpty();
    }

    [Test]
    public void A_conflict_exception_reports_a_state_conflict()
    {
        DomainException exception = new DomainConflictException(ErrorCodes.DocumentFrozen, "frozen");

        exception.Kind.ShouldBe(DomainErrorKind.Conflict);
        exception.Code.ShouldBe("document_frozen");
    }

    [Test]
    public void Field_and_arguments_travel_with_the_code()
    {
        var exception = new DomainException(ErrorCodes.PaymentTermsBeyondLegalMaximum, "too long")
        {
            Field = "days",
            Arguments = new Dictionary<string, object> { ["maximumDays"] = 60 },
        };

        exception.Field.ShouldBe("days");
        exception.Arguments["maximumDays"].ShouldBe(60);
    }

    [TestCase("")]
    [TestCase("  ")]
    public void A_domain_exception_without_a_code_is_a_programming_error(string code) =>
        Should.Throw<ArgumentException>(() => new DomainException(code, "message"));
}
