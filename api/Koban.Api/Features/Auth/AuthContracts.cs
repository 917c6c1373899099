using Koban.Api.Infrastructure.Security;
using Mapster;

namespace Koban.Api.Features.Auth;

/// <summary>The signed-in user, their company and what they may do (the SPA hides what is not allowed; the API refuses it anyway).</summary>
public sealed record MeResponse(
    Guid UserId,
    string Email,
    string DisplayName,
    UserRole Role,
    Guid CompanyId,
    string CompanyName,
    bool MustChangePassword,
    IReadOnlyList<string> Permissions);

/// <summary>What <see cref="MeResponse"/> is read from: the user and the name of their company.</summary>
public sealed record SignedInUser(KobanUser User, string CompanyName);

/// <summary>The permissions are those of the user's role, in ordinal order.</summary>
public sealed class MeMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<SignedInUser, MeResponse>()
            .Map(d => d.UserId, s => s.User.Id)
            .Map(d => d.Email, s => s.User.Email ?? string.Empty)
            .Map(d => d.DisplayName, s => s.User.DisplayName)
            .Map(d => d.Role, s => s.User.Role)
            .Map(d => d.CompanyId, s => s.User.CompanyId)
            .Map(d => d.CompanyName, s => s.CompanyName)
            .Map(d => d.MustChangePassword, s => s.User.MustChangePassword)
            .Map(d => d.Permissions, s => Infrastructure.Security.Permissions.ForRole(s.User.Role).Order(StringComparer.Ordinal).ToList());
}

public sealed record LoginRequest(string Email, string Password);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record RequestPasswordResetRequest(string Email);

public sealed record ConfirmPasswordResetRequest(string Token, string NewPassword);
