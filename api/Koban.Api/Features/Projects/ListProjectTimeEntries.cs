using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record ListProjectTimeEntriesQuery(Guid ProjectId, int Limit, string? After, string? Sort, Guid? UserId, DateOnly? From, DateOnly? To, bool? Billable, bool? Invoiced)
    : IQuery<TimeEntryList>;

public sealed class ListProjectTimeEntriesHandler(KobanDbContext db, TimeAccess access, TimeEntryReader reader) : IQueryHandler<ListProjectTimeEntriesQuery, TimeEntryList>
{
    public async ValueTask<TimeEntryList> Handle(ListProjectTimeEntriesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == query.ProjectId, cancellationToken)) throw new NotFoundException("project", query.ProjectId);
        var userId = query.UserId ?? (access.SeesEveryone ? null : access.UserId);
        if (userId is { } u) access.EnsureCanRead(u);
        var entries = TimeEntryQueries.Filter(db.TimeEntries.AsNoTracking().Where(e => e.ProjectId == query.ProjectId), userId, query.From, query.To, query.Billable, query.Invoiced);
        var (rows, next, hasMore) = await Keyset.PageAsync(entries, TimeEntryQueries.Sorts, query.Sort, query.After, query.Limit, e => e.Id, cancellationToken);
        return new TimeEntryList(await reader.ResponsesAsync(rows, cancellationToken), next, hasMore);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapGet("/{id:guid}/time-entries", async Task<Ok<TimeEntryList>> (Guid id, IMediator mediator, int? limit, string? after, string? sort, Guid? userId,
                DateOnly? from, DateOnly? to, bool? billable, bool? invoiced, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListProjectTimeEntriesQuery(id, Cursor.Limit(limit), after, sort, userId, from, to, billable, invoiced), ct)))
            .WithName("ListProjectTimeEntries")
            .WithSummary("List a project's time entries")
            .WithDescription(TimeEntryQueries.Filters)
            .RequirePermission(Permissions.TimeEntries, Access.Read)
            .WithProblems(403)
            .WithExamples(null, 200, ProjectsExamples.TimeEntries);
}
