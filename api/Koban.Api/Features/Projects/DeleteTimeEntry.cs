using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record DeleteTimeEntryCommand(Guid ProjectId, Guid EntryId, uint ExpectedVersion) : ICommand;

public sealed class DeleteTimeEntryHandler(KobanDbContext db, TimeAccess access, TimeEntryWriter writer) : ICommandHandler<DeleteTimeEntryCommand>
{
    public async ValueTask<Unit> Handle(DeleteTimeEntryCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var owner = await db.TimeEntries.AsNoTracking().Where(e => e.Id == command.EntryId && e.ProjectId == command.ProjectId).Select(e => (Guid?)e.UserId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("timeEntry", command.EntryId);
        access.EnsureCanRead(owner);
        await writer.LockUserAsync(owner, cancellationToken);
        var project = await writer.LockProjectAsync(command.ProjectId, null, cancellationToken);
        var entry = await db.TimeEntries.SingleAsync(e => e.Id == command.EntryId, cancellationToken);
        entry.EnsureUnlocked(); // before the version: putting it on an invoice changed it, and "invoiced" is the reason to show
        if (entry.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(entry).Property(e => e.Version).OriginalValue = command.ExpectedVersion;
        project.AcceptTime("id");
        db.TimeEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapDelete("/{id:guid}/time-entries/{entryId:guid}", async Task<NoContent> (Guid id, Guid entryId, IMediator mediator, HttpRequest http, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteTimeEntryCommand(id, entryId, EntityTags.RequireIfMatch(http)), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteTimeEntry")
            .WithSummary("Delete a time entry")
            .WithDescription("With the `If-Match` of the last read. Own time only, unless Admin (403 `forbidden`); an invoiced entry is locked (409 `time_entry_locked`); a done or cancelled project keeps its time (409 `project_closed`).")
            .RequirePermission(Permissions.TimeEntries, Access.Write)
            .RequiresIfMatch()
            .WithProblems(403, 409);
}
