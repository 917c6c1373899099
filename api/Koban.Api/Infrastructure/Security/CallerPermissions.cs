using System.Security.Claims;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;

namespace Koban.Api.Infrastructure.Security;

/// <summary>The permission check of <see cref="PermissionHandler"/>, for handlers whose resource depends on the request
/// (e.g. the e-mails of an invoice need <c>invoices:read</c>, those of a user <c>users:read</c>).</summary>
public static class CallerPermissions
{
    public static bool Allows(ClaimsPrincipal user, string resource, Access access)
    {
        if (user.FindFirst(KobanClaims.CompanyId) is null) return false;
        IEnumerable<string> granted = user.FindFirst(KobanClaims.Role)?.Value is { } role && Enum.TryParse<UserRole>(role, out var parsed)
            ? Permissions.ForRole(parsed)
            : user.FindAll(KobanClaims.Scope).Select(c => c.Value);
        return Permissions.Allows(granted, resource, access);
    }

    /// <summary>Throws 403 (<c>password_change_required</c> or <c>forbidden</c>) unless the caller holds the permission.</summary>
    public static void Require(ClaimsPrincipal user, string resource, Access access)
    {
        if (user.HasClaim(KobanClaims.MustChangePassword, "true")) throw new ForbiddenException(ApiErrorCodes.PasswordChangeRequired);
        if (!Allows(user, resource, access)) throw new ForbiddenException(ApiErrorCodes.Forbidden);
    }
}
