using Koban.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Koban.Api.Infrastructure.Security;

public enum UserRole
{
    Admin,
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

    /// <summary>Set for a temporary password given by an Admin: every call but the password change is refused until then.</summary>
    public bool MustChangePassword { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token behind ETag / If-Match.</summary>
    public uint Version { get; set; }
}
