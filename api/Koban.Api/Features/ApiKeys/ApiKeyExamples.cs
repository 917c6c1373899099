namespace Koban.Api.Features.ApiKeys;

/// <summary>Typed examples of the API-key endpoints for openapi.yaml, built from the real DTOs.</summary>
internal static class ApiKeyExamples
{
    public static readonly ApiKeyResponse ApiKey = new(Guid.Parse("01936b30-0000-7000-8000-00000000a001"), "Synchronisation boutique", "kbn_3f9a1c2b7d",
        ["customers:write", "orders:read"], new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 19, 17, 4, 0, TimeSpan.Zero), null);

    public static readonly CreateApiKeyRequest Create = new("Synchronisation boutique", ["customers:write", "orders:read"]);

    public static readonly CreatedApiKeyResponse Created = new(ApiKey, "kbn_3f9a1c2b7d_Xq8mV1kP0sTz4Rb9wLc6Hn2Jd5Fg7Ye3Ua0Io8Pe1Qs");
}
