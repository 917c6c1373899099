using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record ListTimeEntriesQuery(int Limit, string? After, string? Sort, Guid? UserId, Guid? ProjectId, DateOnly? From, DateOnly? To, bool? Billable, bool? Invoiced)
    : IQuery<TimeEntryList>;

/// <summary>Time across projects: a person's week or month, the timesheet's source.</summary>
public sealed class ListTimeEntriesHandler(KobanDbContext db, TimeAccess access, TimeEntryReader reader) : IQueryHandler<ListTimeEntriesQuery, TimeEntryList>
{
    public async ValueTask<TimeEntryList> Handle(ListTimeEntriesQuery query, CancellationToken cancellationToken)
    {
        var userId = query.UserId ?? (access.SeesEveryone ? null : access.UserId);
        if (userId is { } u) access.EnsureCanRead(u);
        var entries = TimeEntryQueries.Filter(db.TimeEntries.AsNoTracking(), userId, query.From, query.To, query.Billable, query.Invoiced);
        if (query.ProjectId is { } projectId) entries = entries.Where(e => e.ProjectId == projectId);
        var (rows, next, hasMore) = await Keyset.PageAsync(entries, TimeEntryQueries.Sorts, query.Sort, query.After, query.Limit, e => e.Id, cancellationToken);
        return new TimeEntryList(await reader.ResponsesAsync(rows, cancellationToken), next, hasMore);
    }

    public static void Map(RouteGroupBuilder timeEntries) =>
        timeEntries.MapGet("/", async Task<Ok<TimeEntryList>> (IMediator mediator, int? limit, string? after, string? sort, Guid? userId, Guid? projectId,
                DateOnly? from, DateOnly? to, bool? billable, bool? invoiced, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTimeEntriesQuery(Cursor.Limit(limit), after, sort, userId, projectId, from, to, billable, invoiced), ct)))
            .WithName("ListTimeEntries")
            .WithSummary("List time entries across projects")
            .WithDescription("`projectId` narrows to one project. " + TimeEntryQueries.Filters)
            .RequirePermission(Permissions.TimeEntries, Access.Read)
            .WithProblems(403)
            .WithExamples(null, 200, ProjectsExamples.TimeEntries);
}
