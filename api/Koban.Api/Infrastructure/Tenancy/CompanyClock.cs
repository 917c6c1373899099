using Koban.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Infrastructure.Tenancy;

/// <summary>"Today" in the company's time zone (domain-rules §8), not the server's.</summary>
public sealed class CompanyClock(KobanDbContext db, TimeProvider clock)
{
    private DateOnly? _today;

    public async Task<DateOnly> TodayAsync(CancellationToken ct)
    {
        if (_today is { } cached) return cached;
        var zoneId = await db.Companies.Select(c => c.TimeZone).SingleAsync(ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        _today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        return _today.Value;
    }
}
