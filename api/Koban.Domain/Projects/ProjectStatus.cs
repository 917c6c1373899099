namespace Koban.Domain.Projects;

/// <summary>Where a project stands. Time is entered only while <see cref="Planned"/> or <see cref="InProgress"/>.</summary>
public enum ProjectStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}
