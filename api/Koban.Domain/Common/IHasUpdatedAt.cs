namespace Koban.Domain.Common;

/// <summary>A row whose last change time is stamped by the persistence layer on every insert and update;
/// lists filter on it with <c>updatedSince</c> so integrations can sync only what changed.</summary>
public interface IHasUpdatedAt
{
    DateTimeOffset UpdatedAt { get; }
}
