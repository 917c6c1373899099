using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.ApiKeys;

/// <summary>Builds the API-key responses of every use case of the feature (through <see cref="ApiKeyMapping"/>).</summary>
internal static class ApiKeyReader
{
    public static ApiKeyResponse Response(ApiKey key) => key.MapTo<ApiKeyResponse>();

    public static ApiKeyList List(IEnumerable<ApiKey> keys, string? nextCursor, bool hasMore) => new([.. keys.Select(Response)], nextCursor, hasMore);

    public static CreatedApiKeyResponse Created(ApiKey key, string secret) => new(Response(key), secret);
}
