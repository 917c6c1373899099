using Koban.Domain.Common;

namespace Koban.Domain.Projects;

/// <summary>The limits of entered time: an entry lasts more than 0 and at most 24 hours, and one user's entries of one
/// day, across all projects, add up to 24 hours at most.</summary>
public static class TimeRules
{
    public const int MinutesPerDay = 24 * 60;

    public static void EnsureMinutes(int minutes, string field)
    {
        if (minutes is <= 0 or > MinutesPerDay)
        {
            throw new DomainException(ErrorCodes.TimeEntryMinutesOutOfRange, $"{minutes} minutes is not between 1 and {MinutesPerDay}.")
            {
                Field = field,
                Arguments = new Dictionary<string, object> { ["maximum"] = MinutesPerDay },
            };
        }
    }

    /// <summary>Refuses a day whose total (the user's other entries that day plus the new or changed ones) exceeds 24 h.</summary>
    public static void EnsureDayTotal(DateOnly date, int otherMinutes, int newMinutes, string field)
    {
        var total = otherMinutes + newMinutes;
        if (total > MinutesPerDay)
        {
            throw new DomainException(ErrorCodes.TimeDayOverLimit, $"{total} minutes on {date} is more than 24 hours.")
            {
                Field = field,
                Arguments = new Dictionary<string, object> { ["date"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["minutes"] = total },
            };
        }
    }

    /// <summary>Hours as an invoice quantity: minutes ÷ 60 rounded to the quantity scale (3 decimals, e.g. 20 min = 0.333 h).</summary>
    public static decimal Hours(int minutes) => Rounding.Quantity(minutes / 60m);

    /// <summary>The amount of billable time at a rate: <see cref="Hours"/> × rate, rounded once to the cent — exactly the
    /// net of the invoice line that bills it.</summary>
    public static decimal Amount(int minutes, decimal hourlyRate) => Rounding.Amount(Hours(minutes) * hourlyRate);

    /// <summary>Monday of the week of <paramref name="date"/> (ISO weeks).</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
