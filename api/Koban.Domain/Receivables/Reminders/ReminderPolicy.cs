using Koban.Domain.Customers;

namespace Koban.Domain.Receivables.Reminders;

/// <summary>How a reminder was recorded: sent by the job, passed over by the job (a later level was due at once),
/// or sent by a user.</summary>
public enum ReminderStatus
{
    Sent,
    Skipped,
    Manual,
}

/// <summary>What the policy needs to know about one invoice.</summary>
public sealed record ReminderSituation(DateOnly DueDate, decimal Outstanding, bool Disputed, CustomerKind CustomerKind);

/// <summary>The level to send now, the lower levels to record as skipped, and the days late.</summary>
public sealed record ReminderDecision(ReminderLevel Send, IReadOnlyList<ReminderLevel> Skip, int DaysLate, bool PenaltiesApply);

/// <summary>
/// Which automatic reminder an invoice gets today. Only the highest level reached is ever sent: after days without a run
/// (server down, job off) the invoice gets the level it has reached, and the lower levels it never got are recorded as
/// skipped, so they are never sent later — a customer 50 days late receives the formal notice, not three e-mails at once.
/// A level already recorded (sent or skipped), or passed by a higher recorded level, is never sent again.
/// Nothing for a disputed invoice (domain-rules §7), a paid one or one not yet overdue.
/// </summary>
public static class ReminderPolicy
{
    public static ReminderDecision? Decide(ReminderSituation situation, IReadOnlyList<ReminderLevel> levels, IReadOnlyCollection<int> recordedLevels, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(recordedLevels);
        if (situation.Disputed || situation.Outstanding <= 0) return null;
        var daysLate = DaysLate(situation.DueDate, today);
        if (daysLate <= 0) return null;

        var highestRecorded = recordedLevels.Count == 0 ? 0 : recordedLevels.Max();
        var reached = levels.Where(l => l.DaysAfterDue <= daysLate && l.Level > highestRecorded).OrderBy(l => l.Level).ToList();
        if (reached.Count == 0) return null;
        var send = reached[^1];
        var skip = reached.Take(reached.Count - 1).Where(l => !recordedLevels.Contains(l.Level)).ToList();
        return new ReminderDecision(send, skip, daysLate, situation.CustomerKind == CustomerKind.Business);
    }

    /// <summary>Days since the due date (0 on the due date itself, negative before).</summary>
    public static int DaysLate(DateOnly dueDate, DateOnly today) => today.DayNumber - dueDate.DayNumber;
}
