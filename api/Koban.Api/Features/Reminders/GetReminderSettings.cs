using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables.Reminders;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Reminders;

/// <summary>The settings and their version for the <c>ETag</c>: 0 while the company never saved them.</summary>
public sealed record GetReminderSettingsQuery : IQuery<Versioned<ReminderSettingsResponse>>;

public sealed class GetReminderSettingsHandler(KobanDbContext db) : IQueryHandler<GetReminderSettingsQuery, Versioned<ReminderSettingsResponse>>
{
    public async ValueTask<Versioned<ReminderSettingsResponse>> Handle(GetReminderSettingsQuery query, CancellationToken cancellationToken)
    {
        var stored = await db.ReminderSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return Versioned.Of(RemindersReader.Settings(stored ?? ReminderSettings.Default(), stored is not null), stored?.Version ?? 0);
    }
}

public static class GetReminderSettings
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/settings", async Task<Ok<ReminderSettingsResponse>> (IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetReminderSettingsQuery(), ct)).Ok(response))
            .WithName("GetReminderSettings")
            .WithSummary("Get the automatic reminder settings")
            .WithDescription("Whether automatic reminders are on and the levels (number, name, days after the due date, e-mail subject and body). A company that never saved them has them off (`configured: false`) with the default levels proposed: a friendly reminder at 7 days, a firm one at 30, a formal notice (mise en demeure) at 45. `placeholders` lists what the texts may insert: {customer}, {invoiceNumber}, {invoiceDate}, {dueDate}, {amountDue}, {invoiceTotal}, {daysLate}, {company}, {penalties} (the late-payment sentence for a business customer, empty for an individual). Returns an `ETag` for the update (`\"0\"` while never saved).")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithExamples(null, 200, RemindersExamples.Settings);
}
