using System.Collections.Frozen;
using FluentValidation;
using FluentValidation.Results;
using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace Koban.Api.Infrastructure.Security;

/// <summary>
/// The one password policy, applied to every password a person chooses (sign-up, temporary password, invitation,
/// reset, change): at least <see cref="MinimumLength"/> characters that are not white space, with an upper-case letter,
/// a lower-case letter and a digit (<c>password_too_weak</c>), and not one of the most common passwords
/// (<c>password_too_common</c>, list shipped as the resource <c>Infrastructure/Security/Resources/common-passwords.txt</c>).
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    private static readonly FrozenSet<string> Common = LoadCommon();

    /// <summary>The code of the first rule the password breaks, or null when it is acceptable.</summary>
    public static string? Check(string? password)
    {
        if (password is null) return ApiErrorCodes.PasswordTooWeak;
        var significant = password.Count(c => !char.IsWhiteSpace(c));
        if (significant < MinimumLength || !password.Any(char.IsUpper) || !password.Any(char.IsLower) || !password.Any(char.IsDigit))
        {
            return ApiErrorCodes.PasswordTooWeak;
        }
        return IsCommon(password) ? ApiErrorCodes.PasswordTooCommon : null;
    }

    public static bool IsStrong(string? password) => Check(password) is null;

    /// <summary>True when the password, lower-cased and without white space, is on the list, or its stem is: what is left
    /// once leading and trailing digits and symbols are removed (<c>Password1234</c>, <c>!Azerty2026!</c>).</summary>
    public static bool IsCommon(string password)
    {
        var compact = new string([.. password.Where(c => !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);
        if (Common.Contains(compact)) return true;
        var stem = compact.Trim().TrimStart(NotLetters(compact)).TrimEnd(NotLetters(compact));
        return stem.Length > 0 && Common.Contains(stem);
    }

    /// <summary>The password code of a failed Identity result (<see cref="PolicyValidator"/> reports ours).</summary>
    public static string CodeOf(IdentityResult result) =>
        result.Errors.Any(e => e.Code == ApiErrorCodes.PasswordTooCommon) ? ApiErrorCodes.PasswordTooCommon : ApiErrorCodes.PasswordTooWeak;

    /// <summary>The request rule: reports the broken rule's code and its message on the field.</summary>
    public static IRuleBuilderOptionsConditions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((password, context) =>
        {
            if (string.IsNullOrEmpty(password) || Check(password) is not { } code) return;
            context.AddFailure(new ValidationFailure(context.PropertyPath, ErrorCatalog.Message(code)) { ErrorCode = code });
        });

    private static char[] NotLetters(string value) => [.. value.Where(c => !char.IsLetter(c)).Distinct()];

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Koban.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#')) words.Add(word.ToLowerInvariant());
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The same policy inside ASP.NET Identity, so no Identity call (create, change, reset) can store a password
    /// the requests would refuse.</summary>
    public sealed class PolicyValidator : IPasswordValidator<KobanUser>
    {
        public Task<IdentityResult> ValidateAsync(UserManager<KobanUser> manager, KobanUser user, string? password) =>
            Task.FromResult(Check(password) is { } code
                ? IdentityResult.Failed(new IdentityError { Code = code, Description = ErrorCatalog.Message(code) })
                : IdentityResult.Success);
    }
}
