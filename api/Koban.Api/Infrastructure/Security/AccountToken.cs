using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Persistence.Configurations;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Security;

public enum AccountTokenPurpose
{
    /// <summary>Sent to a user invited by an Admin, to choose a first password. Valid 7 days.</summary>
    Invitation,

    /// <summary>"Mot de passe oublié": choose a new password. Valid 1 hour.</summary>
    PasswordReset,
}

/// <summary>A single-use secret sent by e-mail. Only its SHA-256 is stored: a copy of the database gives nobody a
/// working link. Used, superseded (a newer one of the same purpose was issued) or expired tokens are refused.</summary>
public sealed class AccountToken : ICompanyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CompanyId { get; init; }
    public Guid UserId { get; init; }
    public AccountTokenPurpose Purpose { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? CreatedByUserId { get; init; }
}

public sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> e)
    {
        e.ToTable("account_tokens");
        e.HasKey(t => t.Id);
        e.Property(t => t.TokenHash).HasMaxLength(64);
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasIndex(t => new { t.UserId, t.Purpose });
        e.HasOne<KobanUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Company>().WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Issues and redeems <see cref="AccountToken"/>s in the caller's unit of work.</summary>
public sealed class AccountTokens(KobanDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(1);

    public static TimeSpan Lifetime(AccountTokenPurpose purpose) =>
        purpose == AccountTokenPurpose.Invitation ? InvitationLifetime : PasswordResetLifetime;

    /// <summary>Creates a token for the user (superseding their open tokens of the same purpose) and returns the secret
    /// to put in the link (it is not kept anywhere) with its expiry.</summary>
    public async Task<(string Secret, DateTimeOffset ExpiresAt)> IssueAsync(KobanUser user, AccountTokenPurpose purpose, Guid? createdBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await RevokeOpenAsync(user.Id, purpose, now, ct);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var expiresAt = now + Lifetime(purpose);
        db.Set<AccountToken>().Add(new AccountToken
        {
            CompanyId = user.CompanyId,
            UserId = user.Id,
            Purpose = purpose,
            TokenHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = expiresAt,
            CreatedByUserId = createdBy,
        });
        return (secret, expiresAt);
    }

    /// <summary>Finds the token (across companies: the caller is anonymous and must be in a system scope), refuses it
    /// when unknown, of another purpose, used, superseded or expired, and marks it used together with every other open
    /// token of the user. Returns the token; the caller saves.</summary>
    public async Task<AccountToken> RedeemAsync(string secret, AccountTokenPurpose purpose, CancellationToken ct)
    {
        var hash = Hash(secret ?? string.Empty);
        var token = await db.Set<AccountToken>().IgnoreQueryFilters().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null || token.Purpose != purpose) throw Refused(ApiErrorCodes.TokenInvalid);
        if (token.UsedAt is not null || token.RevokedAt is not null) throw Refused(ApiErrorCodes.TokenUsed);
        var now = clock.GetUtcNow();
        if (now >= token.ExpiresAt) throw Refused(ApiErrorCodes.TokenExpired);
        token.UsedAt = now;
        var others = await db.Set<AccountToken>().IgnoreQueryFilters()
            .Where(t => t.UserId == token.UserId && t.Id != token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ToListAsync(ct);
        foreach (var other in others) other.RevokedAt = now;
        return token;
    }

    /// <summary>How many tokens of this purpose the user received since <paramref name="since"/> (mail-bombing guard).</summary>
    public Task<int> CountIssuedSinceAsync(Guid userId, AccountTokenPurpose purpose, DateTimeOffset since, CancellationToken ct) =>
        db.Set<AccountToken>().IgnoreQueryFilters().CountAsync(t => t.UserId == userId && t.Purpose == purpose && t.CreatedAt >= since, ct);

    private async Task RevokeOpenAsync(Guid userId, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Set<AccountToken>().IgnoreQueryFilters()
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.RevokedAt == null)
            .ToListAsync(ct);
        foreach (var token in open) token.RevokedAt = now;
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static DomainException Refused(string code) => new(code, $"Account token refused: {code}.") { Field = "token" };
}
