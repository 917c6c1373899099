using System.Security.Cryptography;
using System.Text;
using Koban.Domain.Common;

namespace Koban.Api.Infrastructure.Security;

/// <summary>A credential for a third-party integration. Only a SHA-256 hash of the secret is stored; the key
/// (shown once) is <c>kbn_{prefix}_{secret}</c>, the prefix being the look-up handle.</summary>
public sealed class ApiKey : ICompanyOwned, IHasUpdatedAt
{
    public const string KeyPrefix = "kbn_";

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Prefix { get; private set; } = string.Empty;
    public byte[] SecretHash { get; private set; } = [];
    public List<string> Scopes { get; private set; } = [];
    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static (ApiKey Key, string PlainText) Create(string name, IEnumerable<string> scopes, Guid? createdBy, DateTimeOffset now)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var plain = $"{KeyPrefix}{prefix}_{secret}";
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = Hash(plain),
            Scopes = [.. scopes.Distinct().Order(StringComparer.Ordinal)],
            CreatedBy = createdBy,
            CreatedAt = now,
        };
        return (key, plain);
    }

    public static bool TryParsePrefix(string presented, out string prefix)
    {
        prefix = string.Empty;
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal)) return false;
        var rest = presented[KeyPrefix.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        if (separator != 10) return false;
        prefix = rest[..separator];
        return true;
    }

    public bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(Hash(presented), SecretHash);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Recorded at most once a minute, so an integration's traffic does not turn every read into a write.</summary>
    public bool MarkUsed(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < TimeSpan.FromMinutes(1)) return false;
        LastUsedAt = now;
        return true;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
