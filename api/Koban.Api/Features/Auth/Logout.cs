using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Auth;

/// <summary>Ends the cookie session: the session itself is the state, so no request goes through Mediator.</summary>
internal static class LogoutEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
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
}
