using FluentValidation;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Api.Features.Common;

public sealed record PostalAddressDto(string Line1, string? Line2, string PostalCode, string City, string CountryCode)
{
    internal static PostalAddressDto? From(PostalAddress? a) => a is null ? null : new(a.Line1, a.Line2, a.PostalCode, a.City, a.CountryCode);

    internal PostalAddress ToDomain() => PostalAddress.Create(Line1, Line2, PostalCode, City, CountryCode);
}

public sealed record PaymentTermsDto(PaymentTermsKind Kind, int Days)
{
    internal static PaymentTermsDto? From(PaymentTerms? t) => t is null ? null : new(t.Kind, t.Days);

    internal PaymentTerms ToDomain() => new(Kind, Days);
}

public static class ValidationExtensions
{
    /// <summary>Runs a domain parser (Siren.Parse, Iban.Parse…) on a non-empty value; its refusal, with the code and
    /// arguments it carries, becomes this field's 400 error.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Parses<T>(this IRuleBuilder<T, string?> rule, Action<string> parse) =>
        rule.Custom((value, context) =>
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            try
            {
                parse(value);
            }
            catch (DomainException e)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, ErrorCatalog.Message(e.Code, e.Arguments)) { ErrorCode = e.Code });
            }
        });

    /// <summary>Checks a postal address with the domain's rules, reporting on the exact sub-field.</summary>
    public static void ValidAddress<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, PostalAddressDto?>> property, string field)
    {
        validator.RuleFor(property).Custom((a, context) =>
        {
            if (a is null) return;
            if (PostalAddress.FindError(a.Line1, a.PostalCode, a.City, a.CountryCode) is { } code)
            {
                var sub = code switch
                {
                    ErrorCodes.PostalCodeInvalid => "postalCode",
                    ErrorCodes.CountryCodeInvalid => "countryCode",
                    ErrorCodes.AddressCityRequired => "city",
                    _ => "line1",
                };
                context.AddFailure(new FluentValidation.Results.ValidationFailure($"{field}.{sub}", ErrorCatalog.Message(code)) { ErrorCode = code });
            }
            if (a.Line1?.Length > 200 || a.Line2?.Length > 200 || a.City?.Length > 100 || a.PostalCode?.Length > 20)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(field, ErrorCatalog.Message(ApiErrorCodes.ValidationFailed)));
            }
        });
    }
}
