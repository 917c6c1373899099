using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Web;
using DomainCompany = Koban.Domain.Companies.Company;

namespace Koban.Api.Features.Companies;

/// <summary>Builds the company profile responses of every use case of the feature (through <see cref="CompanyProfileMapping"/>).</summary>
internal static class CompanyReader
{
    public static CompanyProfileResponse Response(DomainCompany company) => company.MapTo<CompanyProfileResponse>();

    public static Versioned<CompanyProfileResponse> WithVersion(DomainCompany company) => Versioned.Of(Response(company), company.Version);
}
