using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record GetTimeEntryQuery(Guid ProjectId, Guid EntryId) : IQuery<Versioned<TimeEntryResponse>>;

public sealed class GetTimeEntryHandler(KobanDbContext db, TimeAccess access, TimeEntryReader reader) : IQueryHandler<GetTimeEntryQuery, Versioned<TimeEntryResponse>>
{
    public async ValueTask<Versioned<TimeEntryResponse>> Handle(GetTimeEntryQuery query, CancellationToken cancellationToken)
    {
        var entry = await db.TimeEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.EntryId && e.ProjectId == query.ProjectId, cancellationToken)
            ?? throw new NotFoundException("timeEntry", query.EntryId);
        access.EnsureCanRead(entry.UserId);
        return Versioned.Of(await reader.ResponseAsync(entry, cancellationToken), entry.Version);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapGet("/{id:guid}/time-entries/{entryId:guid}", async Task<Ok<TimeEntryResponse>> (Guid id, Guid entryId, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetTimeEntryQuery(id, entryId), ct)).Ok(response))
            .WithName("GetTimeEntry")
            .WithSummary("Get a time entry")
            .WithDescription("One entry of the project, with its `ETag` for a change or a deletion. Own time: a non-Admin user reads only their own (another user's: 403 `forbidden`).")
            .RequirePermission(Permissions.TimeEntries, Access.Read)
            .WithProblems(403)
            .WithExamples(null, 200, ProjectsExamples.TimeEntry);
}
