using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Koban.Api.Features.Auth;

public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand<KobanUser>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty();
        RuleFor(c => c.NewPassword).NotEmpty().MaximumLength(256).StrongPassword();
    }
}

public sealed class ChangePasswordHandler(UserManager<KobanUser> users, CurrentActor actor, AuditLog audit, KobanDbContext db)
    : ICommandHandler<ChangePasswordCommand, KobanUser>
{
    public async ValueTask<KobanUser> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var userId = actor.UserId ?? throw new ForbiddenException(ApiErrorCodes.Forbidden);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("user", userId);
        if (!await users.CheckPasswordAsync(user, command.CurrentPassword))
        {
            throw new FieldValidationException("currentPassword", ApiErrorCodes.CurrentPasswordWrong);
        }
        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        if (!result.Succeeded) throw new FieldValidationException("newPassword", PasswordRules.CodeOf(result));
        audit.Record("user.password_changed", "user", user.Id);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}

public static class ChangePasswordEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/change-password", Handle)
            .WithName("ChangePassword")
            .WithSummary("Change your password")
            .WithDescription("Every user can change their own password; a user created with a temporary password must do so before anything else. The new password needs 12 characters not counting spaces, with upper case, lower case and a digit (400 `password_too_weak`), and must not be one of the most common passwords (400 `password_too_common`). Other sessions of the user end.")
            .RequireAuthorization()
            .WithExamples(AuthExamples.ChangePassword, 204, null);

    /// <summary>Changing the password renews the security stamp, which ends the user's other sessions; this one is re-issued.</summary>
    public static async Task<NoContent> Handle(ChangePasswordRequest request, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var user = await mediator.Send(new ChangePasswordCommand(request.CurrentPassword, request.NewPassword), ct);
        if (http.User.Identity?.AuthenticationType == KobanAuthentication.CookieScheme)
        {
            // The same server-side session goes on under the new stamp; the user's other sessions end with the old stamp.
            var principal = KobanAuthentication.PrincipalFor(user, KobanAuthentication.SessionIdOf(http.User));
            await http.SignInAsync(KobanAuthentication.CookieScheme, principal);
            http.User = principal;
            RequestPipeline.IssueCsrfToken(http);
        }
        return TypedResults.NoContent();
    }
}
