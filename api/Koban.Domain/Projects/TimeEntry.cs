using Koban.Domain.Common;

namespace Koban.Domain.Projects;

/// <summary>
/// Time a user spent on a project one day, in whole minutes (more than 0, at most 24 h; with the user's other entries of
/// that day, at most 24 h too: <see cref="TimeRules.EnsureDayTotal"/>). Once put on an invoice it is locked: neither changed
/// nor deleted, until that draft invoice is deleted (<see cref="Unlock"/>).
/// </summary>
public sealed class TimeEntry : ICompanyOwned, IHasUpdatedAt
{
    public const int DescriptionMaxLength = 1000;

    private TimeEntry()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid UserId { get; private set; }
    public DateOnly Date { get; private set; }
    public int Minutes { get; private set; }
    public string? Description { get; private set; }
    public bool Billable { get; private set; }

    /// <summary>The invoice this time is billed on; set, the entry is locked.</summary>
    public Guid? InvoiceId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsLocked => InvoiceId is not null;

    public static TimeEntry Create(Guid projectId, Guid userId, DateOnly date, int minutes, string? description, bool billable, DateTimeOffset now)
    {
        var entry = new TimeEntry { Id = Guid.CreateVersion7(), ProjectId = projectId, UserId = userId, CreatedAt = now };
        entry.Apply(date, minutes, description, billable);
        return entry;
    }

    public void Update(DateOnly date, int minutes, string? description, bool billable)
    {
        EnsureUnlocked();
        Apply(date, minutes, description, billable);
    }

    public void EnsureUnlocked(string? field = null)
    {
        if (IsLocked)
            throw new DomainConflictException(ErrorCodes.TimeEntryLocked, $"Time entry {Id} is on invoice {InvoiceId}.") { Field = field };
    }

    /// <summary>Puts billable, not yet invoiced time on an invoice.</summary>
    public void LockOn(Guid invoiceId)
    {
        if (!Billable) throw new DomainConflictException(ErrorCodes.TimeEntryNotBillable, $"Time entry {Id} is not billable.");
        EnsureUnlocked();
        InvoiceId = invoiceId;
    }

    /// <summary>The draft invoice it was on was deleted: the time is billable again.</summary>
    public void Unlock() => InvoiceId = null;

    private void Apply(DateOnly date, int minutes, string? description, bool billable)
    {
        TimeRules.EnsureMinutes(minutes, "minutes");
        var text = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Date = date;
        Minutes = minutes;
        Description = text;
        Billable = billable;
    }
}
