using System.Text.Json;
using Koban.Api.Features.ApiKeys;
using Koban.Api.Features.Audit;
using Koban.Api.Features.Auth;
using Koban.Api.Features.Common;
using Koban.Api.Features.Companies;
using Koban.Api.Features.Users;
using Koban.Api.Infrastructure.Security;
using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Api.Features;

/// <summary>Typed examples for openapi.yaml: built from the real DTOs, so they cannot drift from the schema.</summary>
internal static class Examples
{
    private static readonly Guid CompanyId = Guid.Parse("01936b2e-7f00-7c3a-9a52-3f8e2a1b4c5d");
    private static readonly Guid AdminId = Guid.Parse("01936b2e-7f01-7d11-8e2a-1b4c5d6e7f80");
    private static readonly DateTimeOffset Created = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly MeResponse Me = new(AdminId, "admin@demo.koban.fr", "Camille Admin", UserRole.Admin, CompanyId,
        "Atelier Koban Démo SAS", false, ["company:read", "company:write", "customers:read", "customers:write"]);

    public static readonly UserResponse User = new(Guid.Parse("01936b2f-1200-7abc-8def-0123456789ab"), "paul.martin@example.fr", "Paul Martin",
        UserRole.Sales, true, true, null, Created, false);

    public static readonly ApiKeyResponse ApiKey = new(Guid.Parse("01936b30-0000-7000-8000-00000000a001"), "Synchronisation boutique", "kbn_3f9a1c2b7d",
        ["customers:write", "orders:read"], Created, new DateTimeOffset(2026, 11, 19, 17, 4, 0, TimeSpan.Zero), null);

    public static readonly AuditEventResponse AuditEvent = new(Guid.Parse("01936b31-0000-7000-8000-0000000000e1"), Created, AdminId, "Camille Admin",
        "company.profile_updated", "company", CompanyId,
        JsonSerializer.SerializeToElement(new { rcsCity = "Lyon" }), JsonSerializer.SerializeToElement(new { rcsCity = "Villeurbanne" }));

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
