using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Infrastructure.Security;

internal static class UserAccounts
{
    /// <summary>Creates an Identity user (without a password for an invitation), turning Identity's error list into field errors.</summary>
    public static async Task CreateAsync(UserManager<KobanUser> users, KobanUser user, string? password, string emailField, string passwordField)
    {
        EnsureRole(user.Role);
        IdentityResult result;
        try
        {
            result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another company's user holds the address: the unique index sees across companies, the store's check does not.
            throw new FieldValidationException(emailField, ApiErrorCodes.EmailAlreadyUsed);
        }
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            throw new FieldValidationException(emailField, ApiErrorCodes.EmailAlreadyUsed);
        }
        if (result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal) || e.Code == ApiErrorCodes.PasswordTooCommon || e.Code == ApiErrorCodes.PasswordTooWeak))
        {
            throw new FieldValidationException(passwordField, PasswordRules.CodeOf(result));
        }
        throw new FieldValidationException(emailField, ApiErrorCodes.ValidationFailed);
    }

    /// <summary>Nothing defaults to a privilege: a role that was never set (the enum's default) is refused.</summary>
    public static void EnsureRole(UserRole role)
    {
        if (!KobanUser.IsAssignable(role)) throw new FieldValidationException("role", ApiErrorCodes.RoleRequired);
    }

    /// <summary>Sets a password chosen through an e-mailed link: the address is proven, the lock-out cleared, and other
    /// sessions end (new security stamp).</summary>
    public static void SetPasswordFromLink(KobanUser user, string password, IPasswordHasher<KobanUser> hasher)
    {
        user.PasswordHash = hasher.HashPassword(user, password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.EmailConfirmed = true;
        user.MustChangePassword = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
    }
}
