using System.Text.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;

namespace Koban.Api.Infrastructure.Audit;

/// <summary>Adds audit rows to the current unit of work, so they commit (or roll back) with the change they describe.</summary>
public sealed class AuditLog(KobanDbContext db, CurrentActor actor, TimeProvider clock, IHttpContextAccessor http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(string action, string entityType, Guid? entityId, object? before = null, object? after = null, Guid? companyId = null)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            CompanyId = companyId ?? actor.RequireCompanyId(),
            OccurredAt = clock.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorApiKeyId = actor.ApiKeyId,
            ActorName = actor.DisplayName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.SerializeToDocument(before, Json),
            After = after is null ? null : JsonSerializer.SerializeToDocument(after, Json),
            RequestId = http.HttpContext?.TraceIdentifier,
        });
    }
}
