using System.Text.Json;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mapster;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Audit;

public sealed record AuditEventResponse(
    Guid Id,
    DateTimeOffset OccurredAt,
    Guid? ActorId,
    string? ActorName,
    string Action,
    string EntityType,
    Guid? EntityId,
    JsonElement? Before,
    JsonElement? After);

/// <summary>How an event reads in the API: the actor is the user or, for an integration, the API key.</summary>
public sealed class AuditEventMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<AuditEvent, AuditEventResponse>()
            .Map(d => d.ActorId, s => s.ActorUserId ?? s.ActorApiKeyId)
            .Map(d => d.Before, s => s.Before == null ? (JsonElement?)null : s.Before.RootElement.Clone())
            .Map(d => d.After, s => s.After == null ? (JsonElement?)null : s.After.RootElement.Clone());
}

public sealed record AuditEventList(IReadOnlyList<AuditEventResponse> Items, string? NextCursor, bool HasMore);

public sealed record ListAuditEventsQuery(int Limit, string? After, string? Sort, Guid? EntityId, string? EntityType, DateTimeOffset? From, DateTimeOffset? To) : IQuery<AuditEventList>;

public sealed class ListAuditEventsHandler(KobanDbContext db) : IQueryHandler<ListAuditEventsQuery, AuditEventList>
{
    public static readonly SortFields<AuditEvent> Sorts = new SortFields<AuditEvent>("-occurredAt").Add("occurredAt", e => e.OccurredAt);

    public async ValueTask<AuditEventList> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (query.EntityId is { } entityId) events = events.Where(e => e.EntityId == entityId);
        if (!string.IsNullOrWhiteSpace(query.EntityType)) events = events.Where(e => e.EntityType == query.EntityType);
        if (query.From is { } from) events = events.Where(e => e.OccurredAt >= from);
        if (query.To is { } to) events = events.Where(e => e.OccurredAt < to);
        var (items, next, hasMore) = await Keyset.PageAsync(events, Sorts, query.Sort, query.After, query.Limit, e => e.Id, cancellationToken);
        return new AuditEventList([.. items.Select(e => e.MapTo<AuditEventResponse>())], next, hasMore);
    }
}

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit-events", async Task<Ok<AuditEventList>> (IMediator mediator, int? limit, string? after, string? sort, Guid? entityId, string? entityType,
                DateTimeOffset? occurredFrom, DateTimeOffset? occurredTo, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAuditEventsQuery(Cursor.Limit(limit), after, sort, entityId, entityType, occurredFrom, occurredTo), ct)))
            .WithTags("Audit log")
            .WithName("ListAuditEvents")
            .WithSummary("Read the audit log")
            .WithDescription("Newest first, cursor-paged. Every change and state transition writes one event (who, when, what, before/after) in the same transaction as the change. The log is append-only: the database refuses UPDATE, DELETE and TRUNCATE on it. `sort`: `-occurredAt` (default) or `occurredAt`. Filters: `entityId`, `entityType`, `occurredFrom`/`occurredTo` (instant range, to exclusive).")
            .RequirePermission(Permissions.Audit, Access.Read)
            .WithExamples(null, 200, new AuditEventList([AuditExamples.AuditEvent], null, false));
    }
}
