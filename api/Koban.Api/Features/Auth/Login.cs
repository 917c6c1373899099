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
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Auth;

public sealed record LoginRequest(string Email, string Password);

public sealed record LoginCommand(string Email, string Password) : ICommand<KobanUser>;

public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
    }
}

public sealed class LoginHandler(KobanDbContext db, CurrentActor actor, SignInManager<KobanUser> signIn, AuditLog audit, TimeProvider clock)
    : ICommandHandler<LoginCommand, KobanUser>
{
    public async ValueTask<KobanUser> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        using var system = actor.EnterSystemScope();
        var normalized = signIn.UserManager.NormalizeEmail(command.Email);
        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null || !user.IsActive)
        {
            throw new UnauthenticatedException(ApiErrorCodes.InvalidCredentials);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
        if (result.IsLockedOut) throw new UnauthenticatedException(ApiErrorCodes.AccountLocked);
        if (!result.Succeeded) throw new UnauthenticatedException(ApiErrorCodes.InvalidCredentials);

        user.LastSignInAt = clock.GetUtcNow();
        actor.Impersonate(user.CompanyId, user.Id, user.DisplayName);
        audit.Record("user.signed_in", "user", user.Id, companyId: user.CompanyId);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}

public static class LoginEndpoint
{
    public static async Task<Ok<MeResponse>> Handle(LoginRequest request, IMediator mediator, HttpContext http, KobanDbContext db, CancellationToken ct)
    {
        var user = await mediator.Send(new LoginCommand(request.Email, request.Password), ct);
        var principal = KobanAuthentication.PrincipalFor(user);
        await http.SignInAsync(KobanAuthentication.CookieScheme, principal);
        http.User = principal;
        RequestPipeline.IssueCsrfToken(http);
        return TypedResults.Ok(await MeResponse.LoadAsync(db, user, ct));
    }
}
