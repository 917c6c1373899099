using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koban.Api.Features.Companies;

public sealed record UpdateCompanyProfileCommand(uint ExpectedVersion, UpdateCompanyProfileRequest Profile)
    : ICommand<Versioned<CompanyProfileResponse>>;

/// <summary>Shape and identifier checks, each reported on its field with the rule it breaks.
/// Rules linking several fields (VAT number vs SIREN, franchise vs debits, legal maxima) are the domain's.</summary>
public sealed class UpdateCompanyProfileValidator : AbstractValidator<UpdateCompanyProfileCommand>
{
    private static readonly HashSet<string> TimeZones = [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id)];

    public UpdateCompanyProfileValidator()
    {
        RuleFor(c => c.Profile).NotNull();
        RuleFor(c => c.Profile.LegalName).NotEmpty().MaximumLength(200).OverridePropertyName("legalName");
        RuleFor(c => c.Profile.LegalForm).IsInEnum().OverridePropertyName("legalForm");
        RuleFor(c => c.Profile.ShareCapital).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, true).OverridePropertyName("shareCapital");
        Identifier(c => c.Profile.Siren, "siren", v => Siren.Parse(v));
        Identifier(c => c.Profile.VatNumber, "vatNumber", v => VatNumber.Parse(v));
        Identifier(c => c.Profile.Iban, "iban", v => Iban.Parse(v));
        Identifier(c => c.Profile.Bic, "bic", v => Bic.Parse(v));
        RuleFor(c => c.Profile.RcsCity).MaximumLength(100).OverridePropertyName("rcsCity");
        RuleFor(c => c.Profile.Address!).ChildRules(address =>
        {
            address.RuleFor(a => a.Line1).NotEmpty().MaximumLength(200);
            address.RuleFor(a => a.Line2).MaximumLength(200);
            address.RuleFor(a => a.City).NotEmpty().MaximumLength(100);
            address.RuleFor(a => a.CountryCode).NotEmpty().Length(2);
            address.RuleFor(a => a.PostalCode).NotEmpty().MaximumLength(20);
            address.RuleFor(a => a).Custom((a, context) =>
            {
                if (PostalAddress.FindError(a.Line1, a.PostalCode, a.City, a.CountryCode) is { } code)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("address." + ErrorField(code), ErrorCatalog.Message(code)) { ErrorCode = code });
                }
            });
        }).When(c => c.Profile.Address is not null).OverridePropertyName("address");
        RuleFor(c => c.Profile.DefaultPaymentTerms).NotNull().OverridePropertyName("defaultPaymentTerms");
        RuleFor(c => c.Profile.DefaultPaymentTerms.Kind).IsInEnum().OverridePropertyName("defaultPaymentTerms.kind").When(c => c.Profile.DefaultPaymentTerms is not null);
        RuleFor(c => c.Profile.LatePaymentPenaltyRate).PrecisionScale(7, 4, true).OverridePropertyName("latePaymentPenaltyRate");
        RuleFor(c => c.Profile.TimeZone).NotEmpty().Must(TimeZones.Contains).WithErrorCode(ApiErrorCodes.TimeZoneUnknown)
            .WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.TimeZoneUnknown)).OverridePropertyName("timeZone");
        RuleFor(c => c.Profile.FiscalYearStartMonth).InclusiveBetween(1, 12).OverridePropertyName("fiscalYearStartMonth");
    }

    /// <summary>The identifier types check themselves; their refusal (code and arguments) becomes this field's error.</summary>
    private void Identifier(System.Linq.Expressions.Expression<Func<UpdateCompanyProfileCommand, string?>> property, string field, Action<string> parse)
    {
        RuleFor(property).Custom((value, context) =>
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            try
            {
                parse(value);
            }
            catch (DomainException e)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(field, ErrorCatalog.Message(e.Code, e.Arguments)) { ErrorCode = e.Code });
            }
        });
    }

    private static string ErrorField(string code) => code switch
    {
        ErrorCodes.PostalCodeInvalid => "postalCode",
        ErrorCodes.CountryCodeInvalid => "countryCode",
        ErrorCodes.AddressCityRequired => "city",
        _ => "line1",
    };
}

public sealed class UpdateCompanyProfileHandler(KobanDbContext db, CurrentActor actor, AuditLog audit, TimeProvider clock, IOptions<LegalOptions> legal)
    : ICommandHandler<UpdateCompanyProfileCommand, Versioned<CompanyProfileResponse>>
{
    public async ValueTask<Versioned<CompanyProfileResponse>> Handle(UpdateCompanyProfileCommand command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("company", actor.CompanyId);
        if (company.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        var before = CompanyReader.Response(company);
        var p = command.Profile;
        company.UpdateProfile(new CompanyProfileData(
            p.LegalName,
            p.LegalForm,
            p.ShareCapital,
            Blank(p.Siren) is { } siren ? Siren.Parse(siren) : null,
            Blank(p.VatNumber) is { } vat ? VatNumber.Parse(vat) : null,
            p.RcsCity,
            p.Address is { } a ? PostalAddress.Create(a.Line1, a.Line2, a.PostalCode, a.City, a.CountryCode) : null,
            Blank(p.Iban) is { } iban ? Iban.Parse(iban) : null,
            Blank(p.Bic) is { } bic ? Bic.Parse(bic) : null,
            new PaymentTerms(p.DefaultPaymentTerms.Kind, p.DefaultPaymentTerms.Days),
            p.LatePaymentPenaltyRate,
            p.TimeZone,
            p.FiscalYearStartMonth,
            p.VatFranchise,
            p.VatOnDebits), legal.Value.PenaltyRateFloor, clock.GetUtcNow());
        db.Entry(company).Property(c => c.Version).OriginalValue = command.ExpectedVersion;
        audit.Record("company.profile_updated", "company", company.Id, before, CompanyReader.Response(company));
        await db.SaveChangesAsync(cancellationToken);
        return CompanyReader.WithVersion(company);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

internal static class UpdateCompanyProfileEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/", async Task<Ok<CompanyProfileResponse>> (UpdateCompanyProfileRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateCompanyProfileCommand(EntityTags.RequireIfMatch(http), request), ct)).Ok(response))
            .WithName("UpdateCompanyProfile")
            .WithSummary("Update the company profile")
            .WithDescription("""
                Replaces the profile. Checks: SIREN (9 digits, Luhn key), intra-EU VAT number (format per country; for France the key and that it matches the SIREN), IBAN (length per country and mod-97 checksum), BIC format, French postal code, IANA time zone, fiscal year start month 1–12.
                Business rules (422): default payment terms within the legal maximum for business customers (60 days, or 45 days end of month, art. L441-10 du Code de commerce); late-payment penalty rate at least three times the legal interest rate; a company under the VAT franchise (art. 293 B du CGI) cannot opt for VAT on debits.
                Documents already validated keep the identity they were issued with (their snapshot).
                """)
            .RequirePermission(Permissions.Company, Access.Write)
            .RequiresIfMatch()
            .WithProblems(400, 422)
            .WithExamples(CompanyExamples.UpdateCompanyProfile, 200, CompanyExamples.CompanyProfile);
}
