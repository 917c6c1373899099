using Koban.Domain.Common;

namespace Koban.Domain.Receivables.Reminders;

/// <summary>
/// A company's automatic reminders: on or off, and the sequence of levels. A company without a row has reminders off,
/// with <see cref="ReminderLevels.Defaults"/> proposed: nothing is e-mailed to customers until someone switches it on.
/// </summary>
public sealed class ReminderSettings : ICompanyOwned, IHasUpdatedAt
{
    private ReminderSettings()
    {
    }

    public Guid CompanyId { get; private set; }
    public bool Enabled { get; private set; }
    public IReadOnlyList<ReminderLevel> Levels { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static ReminderSettings Default() => new() { Enabled = false, Levels = ReminderLevels.Defaults };

    public static ReminderSettings Create(bool enabled, IReadOnlyList<ReminderLevel> levels)
    {
        var settings = new ReminderSettings();
        settings.Update(enabled, levels);
        return settings;
    }

    public void Update(bool enabled, IReadOnlyList<ReminderLevel> levels)
    {
        Levels = ReminderLevels.Validate(levels);
        Enabled = enabled;
    }
}

/// <summary>
/// A reminder recorded against an invoice. Automatic ones carry their <see cref="Level"/>, unique per invoice (the
/// database's unique index on (invoice_id, level) is what makes the job idempotent across instances and retries);
/// manual ones have no level (<see cref="TemplateLevel"/> says which level's text they used, if any) and are not unique.
/// </summary>
public sealed class InvoiceReminder : ICompanyOwned
{
    private InvoiceReminder()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>The automatic level (null for a manual reminder).</summary>
    public int? Level { get; private set; }

    /// <summary>The level whose texts a manual reminder used.</summary>
    public int? TemplateLevel { get; private set; }
    public string LevelName { get; private set; } = string.Empty;
    public ReminderStatus Status { get; private set; }
    public int DaysLate { get; private set; }
    public decimal AmountDue { get; private set; }
    public Guid? OutboxMessageId { get; private set; }
    public List<string> Recipients { get; private set; } = [];
    public string? Subject { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public string? CreatedByName { get; private set; }

    public static InvoiceReminder Manual(Guid invoiceId, Guid customerId, int? templateLevel, string name, int daysLate, decimal amountDue, Guid outboxMessageId,
        IReadOnlyList<string> recipients, string subject, DateTimeOffset now, Guid? by, string? byName) => new()
        {
            Id = Guid.CreateVersion7(),
            InvoiceId = invoiceId,
            CustomerId = customerId,
            TemplateLevel = templateLevel,
            LevelName = name,
            Status = ReminderStatus.Manual,
            DaysLate = daysLate,
            AmountDue = amountDue,
            OutboxMessageId = outboxMessageId,
            Recipients = [.. recipients],
            Subject = subject,
            CreatedAt = now,
            CreatedBy = by,
            CreatedByName = byName,
        };
}
