namespace Koban.Api.Features.ApiKeys;

public static class ApiKeysEndpoints
{
    public static void MapApiKeysEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys");
        ListApiKeysEndpoint.Map(group);
        ListApiKeyScopesEndpoint.Map(group);
        CreateApiKeyEndpoint.Map(group);
        RevokeApiKeyEndpoint.Map(group);
    }
}
