using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Security;

/// <summary>
/// One cookie session, recorded server-side at sign-in. The cookie carries its id; every request checks that the
/// record is still open (<see cref="KobanAuthentication"/>), so signing out — which ends the record — also ends a copy
/// of the cookie replayed later. A password change or reset, a deactivation and a role change end every session of the
/// user at once through the user's security stamp, checked on the same request.
/// </summary>
public sealed class UserSession : ICompanyOwned
{
    public Guid Id { get; set; }

    public Guid CompanyId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the user signed out; an ended session is refused even if its cookie is still presented.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>
/// Failed sign-ins counted per normalised e-mail address, whether or not an account has that address: five failures in
/// a row lock the address for 15 minutes, so an unknown address is "locked" exactly like a real account and the answers
/// never tell which addresses have an account. A successful sign-in (or a password reset) clears the row.
/// </summary>
public sealed class SignInThrottle
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public string NormalizedEmail { get; set; } = string.Empty;

    public int FailedCount { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts one failure atomically (concurrent attempts on one address never lose a count); returns true
    /// when this failure locks the address.</summary>
    public static async Task<bool> RecordFailureAsync(KobanDbContext db, string normalizedEmail, DateTimeOffset now, CancellationToken ct)
    {
        var lockUntil = now + LockoutDuration;
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_throttles AS t (normalized_email, failed_count, locked_until, updated_at)
            VALUES ({normalizedEmail}, 1, NULL, {now})
            ON CONFLICT (normalized_email) DO UPDATE SET
              failed_count = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= {now} THEN 1 ELSE t.failed_count + 1 END,
              locked_until = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= {now} THEN NULL ELSE t.locked_until END,
              updated_at = {now}
            RETURNING t.failed_count AS "Value"
            """).ToListAsync(ct);
        // Rows of addresses nobody tried for a day count nothing any more: keep the table small.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM sign_in_throttles WHERE updated_at < {now.AddDays(-1)} AND (locked_until IS NULL OR locked_until < {now})", ct);
        if (counts.Single() < MaxFailures) return false;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE sign_in_throttles SET failed_count = 0, locked_until = {lockUntil} WHERE normalized_email = {normalizedEmail}", ct);
        return true;
    }

    public static Task ClearAsync(KobanDbContext db, string normalizedEmail, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM sign_in_throttles WHERE normalized_email = {normalizedEmail}", ct);
}

public sealed class SessionConfiguration : IEntityTypeConfiguration<UserSession>, IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<KobanUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Koban.Domain.Companies.Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("sign_in_throttles");
        builder.HasKey(t => t.NormalizedEmail);
        builder.Property(t => t.NormalizedEmail).HasMaxLength(256);
        builder.HasIndex(t => t.UpdatedAt);
    }
}
