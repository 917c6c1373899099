using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;

namespace Koban.Api.Features.ApiKeys;

/// <summary>The fixed list of scopes: read from the permissions, no request needed.</summary>
internal static class ListApiKeyScopesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/scopes", () => TypedResults.Ok<IReadOnlyList<string>>(Permissions.AllScopes))
            .WithName("ListApiKeyScopes")
            .WithSummary("Every scope an API key can hold")
            .WithDescription("Scopes are `resource:read` or `resource:write`; write includes read.")
            .RequirePermission(Permissions.ApiKeys, Access.Read);
}
