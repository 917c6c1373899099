using Koban.Api.Infrastructure.Security;
using Mapster;

namespace Koban.Api.Features.ApiKeys;

public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <summary>A key reads with its public prefix (what the caller sees at the start of the key), never its hash.</summary>
public sealed class ApiKeyMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<ApiKey, ApiKeyResponse>()
            .Map(d => d.Prefix, s => ApiKey.KeyPrefix + s.Prefix);
}

public sealed record ApiKeyList(IReadOnlyList<ApiKeyResponse> Items, string? NextCursor, bool HasMore);

public sealed record CreateApiKeyRequest(string Name, IReadOnlyList<string> Scopes);

/// <summary>The only time the secret is ever shown: it is stored hashed.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse ApiKey, string Key);
