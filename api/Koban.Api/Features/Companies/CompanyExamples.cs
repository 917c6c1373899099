using Koban.Api.Features.Common;
using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Api.Features.Companies;

/// <summary>Typed examples of the company endpoints for openapi.yaml, built from the real DTOs.</summary>
internal static class CompanyExamples
{
    private static readonly Guid CompanyId = Guid.Parse("01936b2e-7f00-7c3a-9a52-3f8e2a1b4c5d");

    public static readonly UpdateCompanyProfileRequest UpdateCompanyProfile = new(
        "Atelier Koban Démo SAS", LegalForm.Sas, 10000.00m, "732829320", "FR44732829320", "Lyon",
        new PostalAddressDto("12 rue de la République", null, "69002", "Lyon", "FR"),
        "FR7630006000011234567890189", "AGRIFRPP", new PaymentTermsDto(PaymentTermsKind.Days, 30), 12.15m, "Europe/Paris", 1, false, false);

    public static readonly CompanyProfileResponse CompanyProfile = new(
        CompanyId, "Atelier Koban Démo SAS", LegalForm.Sas, 10000.00m, "732829320", "FR44732829320", "Lyon",
        new PostalAddressDto("12 rue de la République", null, "69002", "Lyon", "FR"),
        "FR7630006000011234567890189", "AGRIFRPP", true, new PaymentTermsDto(PaymentTermsKind.Days, 30), 12.15m, "Europe/Paris", 1, false, false,
        new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero));
}
