using FluentValidation;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record SaveTimesheetCommand(Guid UserId, DateOnly WeekStart, TimesheetRequest Request) : ICommand<TimesheetResponse>;

public sealed class SaveTimesheetValidator : AbstractValidator<SaveTimesheetCommand>
{
    public SaveTimesheetValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new TimesheetRequestValidator()).OverridePropertyName("");
}

/// <summary>
/// A week's grid for one user, saved all or nothing: each cell sets the user's time on one project one day (one entry;
/// 0 removes it). Cells not sent are left as they are. The first refused cell refuses the whole grid, naming it
/// (<c>cells[3].minutes</c>).
/// </summary>
public sealed class SaveTimesheetHandler(KobanDbContext db, TimeAccess access, TimeEntryWriter writer, TimeEntryReader reader, TimeProvider clock)
    : ICommandHandler<SaveTimesheetCommand, TimesheetResponse>
{
    public async ValueTask<TimesheetResponse> Handle(SaveTimesheetCommand command, CancellationToken cancellationToken)
    {
        if (TimeRules.WeekStart(command.WeekStart) != command.WeekStart)
            throw new DomainException(ErrorCodes.TimesheetWeekStartNotMonday, $"{command.WeekStart} is not a Monday.") { Field = "weekStart" };
        var weekEnd = command.WeekStart.AddDays(6);
        var cells = command.Request.Cells;
        var seen = new HashSet<(Guid, DateOnly)>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Date < command.WeekStart || cells[i].Date > weekEnd)
                throw new DomainException(ErrorCodes.TimesheetDateOutsideWeek, $"{cells[i].Date} is outside the week.") { Field = $"cells[{i}].date" };
            if (!seen.Add((cells[i].ProjectId, cells[i].Date)))
                throw new DomainException(ErrorCodes.TimesheetCellDuplicated, "A project and day appear twice.") { Field = $"cells[{i}]" };
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var userId = await access.WriterForAsync(command.UserId, cancellationToken);
        await writer.LockUserAsync(userId, cancellationToken);
        var projects = new Dictionary<Guid, Project>();
        foreach (var projectId in cells.Select(c => c.ProjectId).Distinct().Order())
        {
            var index = cells.ToList().FindIndex(c => c.ProjectId == projectId);
            projects[projectId] = await writer.LockProjectAsync(projectId, $"cells[{index}].projectId", cancellationToken);
        }
        var week = await db.TimeEntries.Where(e => e.UserId == userId && e.Date >= command.WeekStart && e.Date <= weekEnd).ToListAsync(cancellationToken);
        var removed = new HashSet<Guid>();
        var now = clock.GetUtcNow();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var existing = week.Where(e => e.ProjectId == cell.ProjectId && e.Date == cell.Date).ToList();
            var current = existing.Sum(e => e.Minutes);
            var unchanged = current == cell.Minutes && (existing.Count <= 1 || cell.Description is null) && existing.All(e =>
                (cell.Description is null || e.Description == cell.Description.Trim()) && (cell.Billable is null || e.Billable == cell.Billable));
            if (unchanged) continue;
            foreach (var entry in existing) entry.EnsureUnlocked($"cells[{i}].minutes");
            var project = projects[cell.ProjectId];
            if (cell.Minutes > 0)
                await writer.AcceptAsync(project, userId, $"cells[{i}].projectId", cancellationToken);
            else
                project.AcceptTime($"cells[{i}].projectId");
            if (cell.Minutes > 0 && existing.Count == 1)
            {
                var entry = existing[0];
                entry.Update(cell.Date, cell.Minutes, cell.Description ?? entry.Description, cell.Billable ?? entry.Billable);
                continue;
            }
            var description = cell.Description ?? (existing.Count == 1 ? existing[0].Description : null);
            var billable = cell.Billable ?? existing.FirstOrDefault()?.Billable ?? true;
            foreach (var entry in existing)
            {
                db.TimeEntries.Remove(entry);
                removed.Add(entry.Id);
            }
            if (cell.Minutes > 0)
            {
                var created = TimeEntry.Create(cell.ProjectId, userId, cell.Date, cell.Minutes, description, billable, now);
                db.TimeEntries.Add(created);
                week.Add(created);
            }
        }
        var kept = week.Where(e => !removed.Contains(e.Id)).ToList();
        // Days checked once every cell is applied, so moving time between projects of a full day is accepted.
        foreach (var day in kept.GroupBy(e => e.Date).OrderBy(g => g.Key))
        {
            var last = cells.ToList().FindLastIndex(c => c.Date == day.Key);
            TimeRules.EnsureDayTotal(day.Key, 0, day.Sum(e => e.Minutes), last < 0 ? "cells" : $"cells[{last}].minutes");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var ordered = kept.OrderBy(e => e.Date).ThenBy(e => e.ProjectId).ToList();
        return new TimesheetResponse(userId, command.WeekStart, weekEnd, ordered.Sum(e => e.Minutes), await reader.ResponsesAsync(ordered, cancellationToken));
    }

    public static void Map(RouteGroupBuilder timesheets) =>
        timesheets.MapPut("/{userId:guid}/{weekStart}", async Task<Ok<TimesheetResponse>> (Guid userId, DateOnly weekStart, TimesheetRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SaveTimesheetCommand(userId, weekStart, body), ct)))
            .WithName("SaveTimesheet")
            .WithSummary("Save a user's week of time across projects")
            .WithDescription("`weekStart` is a Monday (422 `timesheet_week_start_not_monday`); each cell is one project and one day of that week (422 `timesheet_date_outside_week`, a project and day twice: 422 `timesheet_cell_duplicated`) and sets the user's time there: `minutes` > 0 leaves one entry of that length (its `description` and `billable` kept unless sent; `billable` defaults to true), 0 removes it. Cells not sent stay as they are; a cell equal to what is stored changes nothing. All or nothing: the first refused cell refuses the grid and names it, e.g. `cells[3].minutes` — an invoiced (locked) cell that would change (409 `time_entry_locked`), a day over 24 h across projects once the grid is applied (422 `time_day_over_limit`, on the day's last cell), an unknown project (422 `reference_not_found` on `cells[i].projectId`), a done or cancelled project (409 `project_closed`), a project the user is not a member of (422 `project_member_required`). Own time as for single entries: a non-Admin user saves only their own week (403 `forbidden`). Answers the user's whole week.")
            .RequirePermission(Permissions.TimeEntries, Access.Write)
            .WithProblems(403, 409, 422)
            .WithExamples(ProjectsExamples.TimesheetRequest, 200, ProjectsExamples.Timesheet);
}
