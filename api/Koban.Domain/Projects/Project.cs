using Koban.Domain.Common;
using Koban.Domain.Documents;

namespace Koban.Domain.Projects;

/// <summary>
/// A project: work done for a customer, often from a validated order, with a budget in hours and in amount, a service rate
/// at which its billable time is invoiced, and members who enter their time on it. Status moves Planned → InProgress →
/// Done, or to Cancelled from Planned or InProgress; the first time entry of a planned project starts it.
/// </summary>
public sealed class Project : ICompanyOwned, IHasUpdatedAt
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 40;

    /// <summary>At most this many members: a small company's team, and a bound on the request.</summary>
    public const int MaxMembers = 100;

    private Project()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? Code { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid? OrderId { get; private set; }
    public decimal? BudgetHours { get; private set; }
    public decimal? BudgetAmount { get; private set; }

    /// <summary>Excluding VAT, 4 decimals: the price of one hour of billable time on an invoice.</summary>
    public decimal HourlyRate { get; private set; }
    public decimal VatRate { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public ProjectStatus Status { get; private set; }
    public List<Guid> MemberIds { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Project Create(ProjectData data, Guid? orderId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        var project = new Project { Id = Guid.CreateVersion7(), OrderId = orderId, Status = ProjectStatus.Planned, CreatedAt = now };
        project.Apply(data);
        return project;
    }

    /// <summary>Changes the project's form. A done or cancelled project is closed: reopen is not offered, so it refuses.
    /// The order a project came from never changes.</summary>
    public void Update(ProjectData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        EnsureOpen("update");
        Apply(data);
    }

    public void Start()
    {
        if (Status != ProjectStatus.Planned) throw Transition("start");
        Status = ProjectStatus.InProgress;
    }

    public void Complete()
    {
        if (Status is not (ProjectStatus.Planned or ProjectStatus.InProgress)) throw Transition("complete");
        Status = ProjectStatus.Done;
    }

    public void Cancel()
    {
        if (Status is not (ProjectStatus.Planned or ProjectStatus.InProgress)) throw Transition("cancel");
        Status = ProjectStatus.Cancelled;
    }

    public bool IsMember(Guid userId) => MemberIds.Contains(userId);

    /// <summary>Time is entered, changed or removed only on a planned or in-progress project; the first entry on a planned
    /// project moves it to in progress (work has begun). Returns whether the status changed.</summary>
    public bool AcceptTime(string field)
    {
        if (Status is ProjectStatus.Done or ProjectStatus.Cancelled)
        {
            throw new DomainConflictException(ErrorCodes.ProjectClosed, $"Project {Id} is {Status}.")
            {
                Field = field,
                Arguments = new Dictionary<string, object> { ["status"] = Status.ToString() },
            };
        }
        if (Status != ProjectStatus.Planned) return false;
        Status = ProjectStatus.InProgress;
        return true;
    }

    /// <summary>A project with time entered keeps it: the time is the history of the work (cancel the project instead).</summary>
    public static void EnsureDeletable(bool hasTime)
    {
        if (hasTime) throw new DomainConflictException(ErrorCodes.ProjectHasTime, "A project with time entries cannot be deleted.");
    }

    private void EnsureOpen(string action)
    {
        if (Status is ProjectStatus.Done or ProjectStatus.Cancelled) throw Transition(action);
    }

    private DomainConflictException Transition(string action) =>
        new(ErrorCodes.InvalidStateTransition, $"Cannot {action} a {Status} project.")
        {
            Arguments = new Dictionary<string, object> { ["status"] = Status.ToString() },
        };

    private void Apply(ProjectData data)
    {
        var name = data.Name?.Trim();
        if (string.IsNullOrEmpty(name)) throw new DomainException(ErrorCodes.ProjectNameRequired, "The project name is required.") { Field = "name" };
        if (data.CustomerId == Guid.Empty) throw new DomainException(ErrorCodes.ProjectCustomerRequired, "The customer is required.") { Field = "customerId" };
        if (data.BudgetHours is < 0m) throw new DomainException(ErrorCodes.ProjectBudgetNegative, "The budget cannot be negative.") { Field = "budgetHours" };
        if (data.BudgetAmount is < 0m) throw new DomainException(ErrorCodes.ProjectBudgetNegative, "The budget cannot be negative.") { Field = "budgetAmount" };
        if (data.HourlyRate < 0m) throw new DomainException(ErrorCodes.ProjectRateNegative, "The hourly rate cannot be negative.") { Field = "hourlyRate" };
        VatRates.EnsureAllowed(data.VatRate, "vatRate");
        if (data.StartDate is { } start && data.EndDate is { } end && end < start)
            throw new DomainException(ErrorCodes.ProjectEndBeforeStart, "The end date is before the start date.") { Field = "endDate" };
        Name = name;
        Code = string.IsNullOrWhiteSpace(data.Code) ? null : data.Code.Trim();
        CustomerId = data.CustomerId;
        BudgetHours = data.BudgetHours is { } hours ? decimal.Round(hours, 2, MidpointRounding.AwayFromZero) : null;
        BudgetAmount = data.BudgetAmount is { } amount ? Rounding.Amount(amount) : null;
        HourlyRate = Rounding.UnitPrice(data.HourlyRate);
        VatRate = data.VatRate;
        StartDate = data.StartDate;
        EndDate = data.EndDate;
        MemberIds = [.. (data.MemberIds ?? []).Where(m => m != Guid.Empty).Distinct()];
    }
}
