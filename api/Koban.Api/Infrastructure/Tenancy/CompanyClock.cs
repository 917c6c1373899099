using Koban.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Infrastructure.Tenancy;

/// <summary>"Today" in the company's time zone (domain-rules §8), not the server's. The one place that turns the
/// company's zone id into dates and instants; an unknown id falls back to UTC.</summary>
public sealed class CompanyClock(KobanDbContext db, TimeProvider clock)
{
    private DateOnly? _today;
    private string? _zoneId;

    /// <summary>Today for the company of the scope, its zone read once per scope (or given by <see cref="Know"/>).</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct)
    {
        if (_today is { } cached) return cached;
        var zoneId = _zoneId ?? await db.Companies.Select(c => c.TimeZone).SingleAsync(ct);
        _today = TodayIn(zoneId);
        return _today.Value;
    }

    /// <summary>The zone of the scope's company, read by the caller with its own data (the sign-in check of a request
    /// reads it with the user), so that <see cref="TodayAsync"/> sends no query of its own.</summary>
    public void Know(string zoneId) => _zoneId ??= zoneId;

    /// <summary>Today in the zone given, for a caller that already read the company's zone with its data.</summary>
    public DateOnly TodayIn(string zoneId) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone(zoneId)).DateTime);

    /// <summary>The instant a day begins in the zone given (midnight there, as UTC).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, string zoneId) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone(zoneId)), TimeSpan.Zero);

    private static TimeZoneInfo Zone(string zoneId) => TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
}
