using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables.Reminders;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Reminders;

/// <summary>Saves the settings if they are still at <paramref name="ExpectedVersion"/> (0: never saved).</summary>
public sealed record UpdateReminderSettingsCommand(uint ExpectedVersion, UpdateReminderSettingsRequest Request) : ICommand<Versioned<ReminderSettingsResponse>>;

public sealed class UpdateReminderSettingsCommandValidator : AbstractValidator<UpdateReminderSettingsCommand>
{
    public UpdateReminderSettingsCommandValidator()
    {
        RuleFor(c => c.Request).NotNull();
        RuleFor(c => c.Request.Levels).NotNull().OverridePropertyName("levels");
        RuleForEach(c => c.Request.Levels).ChildRules(l =>
        {
            l.RuleFor(x => x.Name).MaximumLength(200);
            l.RuleFor(x => x.Subject).MaximumLength(500);
            l.RuleFor(x => x.Body).MaximumLength(10000);
        }).OverridePropertyName("levels");
    }
}

public sealed class UpdateReminderSettingsHandler(KobanDbContext db, AuditLog audit, CurrentActor actor)
    : ICommandHandler<UpdateReminderSettingsCommand, Versioned<ReminderSettingsResponse>>
{
    public async ValueTask<Versioned<ReminderSettingsResponse>> Handle(UpdateReminderSettingsCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var levels = r.Levels.Select(l => l.ToDomain()).ToList();
        var settings = await db.ReminderSettings.SingleOrDefaultAsync(cancellationToken);
        if ((settings?.Version ?? 0) != command.ExpectedVersion) throw new PreconditionFailedException();
        var before = settings is null ? null : new { settings.Enabled, levels = settings.Levels.Select(l => new { l.Level, l.Name, l.DaysAfterDue }).ToArray() };
        if (settings is null)
        {
            settings = ReminderSettings.Create(r.Enabled, levels);
            db.ReminderSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(x => x.Version).OriginalValue = command.ExpectedVersion;
            settings.Update(r.Enabled, levels);
        }
        audit.Record("reminders.settings_updated", "company", actor.RequireCompanyId(), before,
            new { settings.Enabled, levels = settings.Levels.Select(l => new { l.Level, l.Name, l.DaysAfterDue }).ToArray() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new PreconditionFailedException(); // saved for the first time by someone else meanwhile
        }
        return Versioned.Of(RemindersReader.Settings(settings, true), settings.Version);
    }
}

public static class UpdateReminderSettings
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/settings", async Task<Ok<ReminderSettingsResponse>> (UpdateReminderSettingsRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var expected = EntityTags.RequireIfMatch(http);
                return (await mediator.Send(new UpdateReminderSettingsCommand(expected, request), ct)).Ok(response);
            })
            .WithName("UpdateReminderSettings")
            .WithSummary("Change the automatic reminder settings")
            .WithDescription("Replaces the settings. 1 to 6 levels (422 `reminder_levels_count`), numbered in the order given, each later than the previous and at most 365 days after the due date (422 `reminder_level_days_order`), each with a name, a subject and a body (422 `reminder_level_text_required`) using only known placeholders (422 `template_placeholder_unknown`, naming the field, e.g. `levels[1].body`). The hourly job (`Koban:Reminders:Cron`) then e-mails every overdue, undisputed invoice the highest level it has reached, once per level; levels passed over while the job did not run are recorded as skipped and never sent. Recorded in the audit log. Send the `ETag` of the settings you read in `If-Match` (412 when someone saved them meanwhile).")
            .RequirePermission(Permissions.Receivables, Access.Write)
            .RequiresIfMatch()
            .WithProblems(412, 422, 428)
            .WithExamples(RemindersExamples.UpdateSettings, 200, RemindersExamples.Settings);
}
