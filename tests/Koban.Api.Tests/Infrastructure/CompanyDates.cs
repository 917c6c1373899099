namespace Koban.Api.Tests.Infrastructure;

/// <summary>
/// Today as the API sees it for a test company: in the company's time zone (Europe/Paris, the default of a new company
/// and of the demo company), not in UTC. Between 22:00 or 23:00 UTC and midnight the two differ by a day, and a test
/// that took the UTC date then sent or expected yesterday's date.
/// </summary>
public static class CompanyDates
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly ParisToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);
}
