using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Auth;

/// <summary>The signed-in user: read from the session, so no request goes through Mediator.</summary>
internal static class GetMeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/me", Handle)
            .WithName("GetMe")
            .WithSummary("The signed-in user")
            .WithDescription("Returns the user, their company, role and permissions, and refreshes the `XSRF-TOKEN` cookie. Answers 401 without a session, which is how the SPA knows to show the sign-in page. API keys have no user: 403.")
            .RequireAuthorization()
            .WithExamples(null, 200, AuthExamples.Me);

    private static async Task<Ok<MeResponse>> Handle(HttpContext http, KobanDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var userId = actor.UserId ?? throw new ForbiddenException(ApiErrorCodes.Forbidden);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("user", userId);
        RequestPipeline.IssueCsrfToken(http);
        return TypedResults.Ok(await AuthReader.MeAsync(db, user, ct));
    }
}
