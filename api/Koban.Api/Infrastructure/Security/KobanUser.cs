using Koban.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Koban.Api.Infrastructure.Security;

/// <summary>A user's role. No member has the value 0, so a role that was never set (a missing <c>role</c> in a request,
/// an uninitialised field) is not a role at all and is refused, instead of silently becoming the first member (Admin).
/// Stored and exchanged by name, never by number.</summary>
public enum UserRole
{
    Admin = 1,
    Sales,
    Accountant,
    Viewer,
}

/// <summary>A person who signs in to the SPA. Belongs to one company and has exactly one role.</summary>
public sealed class KobanUser : IdentityUser<Guid>, ICompanyOwned, IHasUpdatedAt
{
    public Guid CompanyId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public UserRole Role { get; set; }

    /// <summary>True for one of the defined roles: a default (never set) role grants nothing and is refused.</summary>
    public static bool IsAssignable(UserRole role) => Enum.IsDefined(role);

    /// <summary>Set for a temporary password given by an Admin: every call but the password change is refused until then.</summary>
    public bool MustChangePassword { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token behind ETag / If-Match.</summary>
    public uint Version { get; set; }
}
