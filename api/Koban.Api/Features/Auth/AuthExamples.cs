using Koban.Api.Features.Users;
using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Auth;

/// <summary>Typed examples of the authentication endpoints for openapi.yaml, built from the real DTOs.</summary>
internal static class AuthExamples
{
    public static readonly MeResponse Me = new(Guid.Parse("01936b2e-7f01-7d11-8e2a-1b4c5d6e7f80"), "admin@demo.koban.fr", "Camille Admin", UserRole.Admin,
        Guid.Parse("01936b2e-7f00-7c3a-9a52-3f8e2a1b4c5d"), "Atelier Koban Démo SAS", false, ["company:read", "company:write", "customers:read", "customers:write"]);

    public static readonly LoginRequest Login = new("admin@demo.koban.fr", "Demo-Admin-2026!");

    public static readonly ChangePasswordRequest ChangePassword = new("Temp-Password-2026", "My-New-Password-42");

    public static readonly RequestPasswordResetRequest RequestPasswordReset = new("paul.martin@example.fr");

    public static readonly ConfirmPasswordResetRequest ConfirmPasswordReset = new("q3Hk9v0XbW2m7LrT5yPz1cNf8aJd4sEu6gKo0iQwRtY", "Nouveau-Mot-De-Passe-42");

    public static readonly AccountPasswordSetResponse PasswordReset = new("paul.martin@example.fr");
}
