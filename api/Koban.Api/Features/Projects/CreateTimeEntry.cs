using FluentValidation;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Projects;

public sealed record CreateTimeEntryCommand(Guid ProjectId, TimeEntryRequest Request) : ICommand<Versioned<TimeEntryResponse>>;

public sealed class CreateTimeEntryValidator : AbstractValidator<CreateTimeEntryCommand>
{
    public CreateTimeEntryValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new TimeEntryRequestValidator()).OverridePropertyName("");
}

public sealed class CreateTimeEntryHandler(KobanDbContext db, TimeAccess access, TimeEntryWriter writer, TimeEntryReader reader, TimeProvider clock)
    : ICommandHandler<CreateTimeEntryCommand, Versioned<TimeEntryResponse>>
{
    public async ValueTask<Versioned<TimeEntryResponse>> Handle(CreateTimeEntryCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var userId = await access.WriterForAsync(r.UserId, cancellationToken);
        await writer.LockUserAsync(userId, cancellationToken);
        var project = await writer.LockProjectAsync(command.ProjectId, null, cancellationToken);
        await writer.AcceptAsync(project, userId, "userId", cancellationToken);
        TimeRules.EnsureDayTotal(r.Date, await writer.OtherMinutesAsync(userId, r.Date, null, cancellationToken), r.Minutes, "minutes");
        var entry = TimeEntry.Create(project.Id, userId, r.Date, r.Minutes, r.Description, r.Billable ?? true, clock.GetUtcNow());
        db.TimeEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(entry, cancellationToken), entry.Version);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("/{id:guid}/time-entries", async Task<Created<TimeEntryResponse>> (Guid id, TimeEntryRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var entry = await mediator.Send(new CreateTimeEntryCommand(id, body), ct);
                return entry.Created(response, $"/api/v1/projects/{id}/time-entries/{entry.Value.Id}");
            })
            .WithName("CreateTimeEntry")
            .WithSummary("Enter time on a project")
            .WithDescription(TimeRulesText.Write)
            .RequirePermission(Permissions.TimeEntries, Access.Write)
            .WithProblems(403, 409, 422)
            .WithExamples(ProjectsExamples.TimeEntryRequest, 201, ProjectsExamples.TimeEntry);
}

/// <summary>The rules every time write states in the contract.</summary>
internal static class TimeRulesText
{
    internal const string Write = "Own time: `userId` omitted means the signed-in user; a Sales or Accountant user writes only their own time (another user's: 403 `forbidden`), an Admin anyone's, an API key (scope `time-entries:write`) must name the user (`userId`, an active user of the company). The user must be a member of the project, or an Admin (422 `project_member_required`). `minutes` is whole minutes, more than 0 and at most 1440 (24 h), and the user's entries of that day across all projects add up to 24 h at most (422 `time_day_over_limit`). `billable` defaults to true. Only on a planned or in-progress project (409 `project_closed`); the first entry on a planned project moves it to in progress. Invoiced time is locked (409 `time_entry_locked`).";
}
