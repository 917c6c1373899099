using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Auth;

/// <summary>Typed examples of the authentication endpoints for openapi.yaml, built from the real DTOs.</summary>
internal static class AuthExamples
{
    public static readonly MeResponse Me = new(Guid.Parse("01936b2e-7f01-7d11-8e2a-1b4c5d6e7f80"), "admin@demo.koban.fr", "Camille Admin", UserRole.Admin,
        Guid.Parse("01936b2e-7f00-7c3a-9a52-3f8e2a1b4c5d"), "Atelier Koban Démo SAS", false, ["company:read", "company:write", "customers:read", "customers:write"]);
}
