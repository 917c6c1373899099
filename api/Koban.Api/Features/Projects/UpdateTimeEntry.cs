using FluentValidation;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record UpdateTimeEntryCommand(Guid ProjectId, Guid EntryId, uint ExpectedVersion, TimeEntryRequest Request) : ICommand<Versioned<TimeEntryResponse>>;

public sealed class UpdateTimeEntryValidator : AbstractValidator<UpdateTimeEntryCommand>
{
    public UpdateTimeEntryValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new TimeEntryRequestValidator()).OverridePropertyName("");
}

public sealed class UpdateTimeEntryHandler(KobanDbContext db, TimeAccess access, TimeEntryWriter writer, TimeEntryReader reader)
    : ICommandHandler<UpdateTimeEntryCommand, Versioned<TimeEntryResponse>>
{
    public async ValueTask<Versioned<TimeEntryResponse>> Handle(UpdateTimeEntryCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var owner = await db.TimeEntries.AsNoTracking().Where(e => e.Id == command.EntryId && e.ProjectId == command.ProjectId).Select(e => (Guid?)e.UserId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("timeEntry", command.EntryId);
        access.EnsureCanRead(owner);
        if (r.UserId is { } named && named != owner)
        {
            if (!await db.Users.AnyAsync(u => u.Id == named, cancellationToken)) throw new ReferenceNotFoundException("userId");
            throw new FieldValidationException("userId", ApiErrorCodes.ValidationFailed);
        }
        await writer.LockUserAsync(owner, cancellationToken);
        var project = await writer.LockProjectAsync(command.ProjectId, null, cancellationToken);
        var entry = await db.TimeEntries.SingleAsync(e => e.Id == command.EntryId, cancellationToken);
        entry.EnsureUnlocked(); // before the version: putting it on an invoice changed it, and "invoiced" is the reason to show
        if (entry.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(entry).Property(e => e.Version).OriginalValue = command.ExpectedVersion;
        await writer.AcceptAsync(project, owner, "userId", cancellationToken);
        TimeRules.EnsureDayTotal(r.Date, await writer.OtherMinutesAsync(owner, r.Date, entry.Id, cancellationToken), r.Minutes, "minutes");
        entry.Update(r.Date, r.Minutes, r.Description, r.Billable ?? entry.Billable);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(entry, cancellationToken), entry.Version);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPut("/{id:guid}/time-entries/{entryId:guid}", async Task<Ok<TimeEntryResponse>> (Guid id, Guid entryId, TimeEntryRequest body, IMediator mediator,
                HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateTimeEntryCommand(id, entryId, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateTimeEntry")
            .WithSummary("Change a time entry")
            .WithDescription("With the `If-Match` of the last read. An invoiced entry is locked (409 `time_entry_locked`) until its draft invoice is deleted. Whose time it is never changes (`userId`, if sent, must be the entry's). " + TimeRulesText.Write)
            .RequirePermission(Permissions.TimeEntries, Access.Write)
            .RequiresIfMatch()
            .WithProblems(403, 409, 422)
            .WithExamples(ProjectsExamples.TimeEntryRequest, 200, ProjectsExamples.TimeEntry);
}
