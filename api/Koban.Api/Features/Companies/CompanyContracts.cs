using Koban.Api.Features.Common;
using Koban.Domain.Companies;
using Mapster;
using DomainCompany = Koban.Domain.Companies.Company;

namespace Koban.Api.Features.Companies;

public sealed record CompanyProfileResponse(
    Guid Id,
    string LegalName,
    LegalForm? LegalForm,
    decimal? ShareCapital,
    string? Siren,
    string? VatNumber,
    string? RcsCity,
    PostalAddressDto? Address,
    string? Iban,
    string? Bic,
    bool HasLogo,
    PaymentTermsDto DefaultPaymentTerms,
    decimal LatePaymentPenaltyRate,
    string TimeZone,
    int FiscalYearStartMonth,
    bool VatFranchise,
    bool VatOnDebits,
    DateTimeOffset UpdatedAt);

/// <summary>How the profile reads: address and default terms as their DTOs, and whether a logo is set.</summary>
public sealed class CompanyProfileMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<DomainCompany, CompanyProfileResponse>()
            .Map(d => d.Address, s => PostalAddressDto.From(s.Address))
            .Map(d => d.HasLogo, s => s.LogoFileId != null)
            .Map(d => d.DefaultPaymentTerms, s => new PaymentTermsDto(s.DefaultPaymentTerms.Kind, s.DefaultPaymentTerms.Days));
}

public sealed record UpdateCompanyProfileRequest(
    string LegalName,
    LegalForm? LegalForm,
    decimal? ShareCapital,
    string? Siren,
    string? VatNumber,
    string? RcsCity,
    PostalAddressDto? Address,
    string? Iban,
    string? Bic,
    PaymentTermsDto DefaultPaymentTerms,
    decimal LatePaymentPenaltyRate,
    string TimeZone,
    int FiscalYearStartMonth,
    bool VatFranchise,
    bool VatOnDebits);
