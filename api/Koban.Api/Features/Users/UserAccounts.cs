using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Users;

internal static class UserAccounts
{
    /// <summary>Creates an Identity user (without a password for an invitation), turning Identity's error list into field errors.</summary>
    public static async Task CreateAsync(UserManager<KobanUser> users, KobanUser user, string? password, string emailField, string passwordField)
    {
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
        if (result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)))
        {
            throw new FieldValidationException(passwordField, ApiErrorCodes.PasswordTooWeak);
        }
        throw new FieldValidationException(emailField, ApiErrorCodes.ValidationFailed);
    }
}
