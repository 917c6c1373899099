using Koban.Api.Infrastructure.Security;
using Mapster;

namespace Koban.Api.Features.Users;

public sealed record UserResponse(
    Guid Id,
    string Email,
    string DisplayName,
    UserRole Role,
    bool MustChangePassword,
    bool IsActive,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt,
    bool InvitationPending);

/// <summary>A user reads without any secret: an invitation is pending while no password has been chosen.</summary>
public sealed class UserMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<KobanUser, UserResponse>()
            .Map(d => d.Email, s => s.Email ?? string.Empty)
            .Map(d => d.InvitationPending, s => s.PasswordHash == null);
}

public sealed record UserList(IReadOnlyList<UserResponse> Items, string? NextCursor, bool HasMore);

public sealed record CreateUserRequest(string Email, string DisplayName, UserRole Role, string TemporaryPassword);

public sealed record UpdateUserRequest(string DisplayName, UserRole Role, bool IsActive);

public sealed record InviteUserRequest(string Email, string DisplayName, UserRole Role);

/// <summary>The address whose password was just set, so the sign-in form can be filled in.</summary>
public sealed record AccountPasswordSetResponse(string Email);

public sealed record AcceptInvitationRequest(string Token, string Password);
