using System.Text.Json;
using Koban.Domain.Common;

namespace Koban.Api.Infrastructure.Audit;

/// <summary>One line of the append-only audit log (domain-rules §8). The database refuses UPDATE, DELETE and
/// TRUNCATE on its table.</summary>
public sealed class AuditEvent : ICompanyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CompanyId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public Guid? ActorUserId { get; init; }
    public Guid? ActorApiKeyId { get; init; }
    public string? ActorName { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public Guid? EntityId { get; init; }
    public JsonDocument? Before { get; init; }
    public JsonDocument? After { get; init; }
    public string? RequestId { get; init; }
}
