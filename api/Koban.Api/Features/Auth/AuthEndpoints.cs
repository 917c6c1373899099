using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Auth;

public static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Authentication");

        group.MapPost("/login", LoginEndpoint.Handle)
            .WithName("Login")
            .WithSummary("Sign in to the SPA")
            .WithDescription("Checks the e-mail and password and sets the HttpOnly session cookie `koban.auth` and the `XSRF-TOKEN` cookie, whose value must be echoed in `X-XSRF-TOKEN` on every unsafe request. Five wrong passwords for an address lock it for 15 minutes (`account_locked`), whether or not an account has that address, so the answers never reveal which addresses have an account; attempts are rate-limited per address and client. Integrations use API keys instead.")
            .AllowAnonymous()
            .RequireRateLimiting(LoginRateLimit)
            .WithMetadata(new AnonymousOperationMetadata())
            .WithProblems(400, 401, 429)
            .WithExamples(new LoginRequest("admin@demo.koban.fr", "Demo-Admin-2026!"), 200, AuthExamples.Me);

        group.MapPost("/logout", async Task<NoContent> (HttpContext http) =>
            {
                await KobanAuthentication.EndSessionAsync(http);
                http.Response.Cookies.Delete(RequestPipeline.CsrfCookie);
                return TypedResults.NoContent();
            })
            .WithName("Logout")
            .WithSummary("Sign out")
            .WithDescription("Ends the cookie session on the server: the same cookie, even kept and replayed, answers 401 afterwards. Has no effect for API keys (revoke the key instead).")
            .RequireAuthorization();

        group.MapGet("/me", MeEndpoint.Handle)
            .WithName("GetMe")
            .WithSummary("The signed-in user")
            .WithDescription("Returns the user, their company, role and permissions, and refreshes the `XSRF-TOKEN` cookie. Answers 401 without a session, which is how the SPA knows to show the sign-in page. API keys have no user: 403.")
            .RequireAuthorization()
            .WithExamples(null, 200, AuthExamples.Me);

        group.MapPost("/change-password", ChangePasswordEndpoint.Handle)
            .WithName("ChangePassword")
            .WithSummary("Change your password")
            .WithDescription("Every user can change their own password; a user created with a temporary password must do so before anything else. The new password needs 12 characters not counting spaces, with upper case, lower case and a digit (400 `password_too_weak`), and must not be one of the most common passwords (400 `password_too_common`). Other sessions of the user end.")
            .RequireAuthorization()
            .WithExamples(new ChangePasswordRequest("Temp-Password-2026", "My-New-Password-42"), 204, null);
    }
}
