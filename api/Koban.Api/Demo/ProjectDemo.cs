using Koban.Api.Features.Projects;
using Koban.Api.Infrastructure.Tenancy;
using Mediator;

namespace Koban.Api.Demo;

/// <summary>
/// A project from the scheduled demo order (Menuiserie Durand) with two weeks of time by the Sales user and the Admin,
/// entered by each through the same commands as the API: most of it billable, the first week already put on a draft
/// invoice (so locked), and the hours budget nearly consumed (35 h of 38 h).
/// </summary>
internal static class ProjectDemo
{
    public const string Name = "Agencement de la boutique Durand";
    public const decimal BudgetHours = 38m;

    public static async Task SeedAsync(IMediator mediator, CurrentActor actor, Guid companyId, (Guid Id, string Name) sales, (Guid Id, string Name) admin, Guid orderId,
        DateOnly today, CancellationToken ct)
    {
        actor.Impersonate(companyId, sales.Id, sales.Name);
        var start = today.AddDays(-14);
        var (project, _) = await mediator.Send(new CreateProjectFromOrderCommand(new ProjectFromOrderRequest(orderId, Name, "AGC-DURAND", BudgetHours, null, null, null,
            start, null, [sales.Id, admin.Id])), ct);
        var weekdays = Enumerable.Range(1, 14).Select(i => today.AddDays(-i)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Order().ToList();
        foreach (var day in weekdays)
            await mediator.Send(new CreateTimeEntryCommand(project.Id, new TimeEntryRequest(day, 120, "Pose et réglage en boutique", true, null)), ct);
        actor.Impersonate(companyId, admin.Id, admin.Name);
        for (var i = 0; i < weekdays.Count; i++)
        {
            var meeting = i % 3 == 0;
            await mediator.Send(new CreateTimeEntryCommand(project.Id, new TimeEntryRequest(weekdays[i], 90,
                meeting ? "Point de chantier interne" : "Plans et suivi de fabrication", !meeting, null)), ct);
        }
        // The first week goes on a draft invoice: those entries are locked until it is validated or deleted.
        await mediator.Send(new InvoiceProjectTimeCommand(project.Id, new InvoiceTimeRequest(weekdays[0].AddDays(6 - (((int)weekdays[0].DayOfWeek + 6) % 7)), null, null)), ct);
    }
}
