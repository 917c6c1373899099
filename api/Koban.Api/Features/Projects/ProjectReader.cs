using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

/// <summary>Builds project responses for every project use case: names, members and the time summary
/// (<see cref="ProjectTime"/>), from one query per list of projects.</summary>
public sealed class ProjectReader(KobanDbContext db)
{
    public async Task<Versioned<ProjectResponse>> ProjectAsync(Guid id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("project", id);
        return Versioned.Of(await ResponseAsync(project, ct), project.Version);
    }

    public async Task<ProjectResponse> ResponseAsync(Project project, CancellationToken ct)
    {
        var (customers, orders) = await NamesAsync([project], ct);
        var entries = await EntriesAsync([project.Id], ct);
        var time = TimeOf(project, entries);
        var userIds = project.MemberIds.Concat(time.Members.Select(m => m.UserId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var byUser = time.Members.ToDictionary(m => m.UserId);
        var members = userIds.Select(u => byUser.GetValueOrDefault(u) ?? new MemberTime(u, 0, 0, 0))
            .Select(m => new ProjectMemberResponse(m.UserId, users.GetValueOrDefault(m.UserId, ""), ProjectTime.ShownHours(m.Minutes),
                ProjectTime.ShownHours(m.BillableMinutes), ProjectTime.ShownHours(m.UninvoicedBillableMinutes)))
            .ToList();
        return new ProjectSource(project, customers.GetValueOrDefault(project.CustomerId, ""), project.OrderId is { } o ? orders.GetValueOrDefault(o) : null,
            members, time.MapTo<ProjectTimeResponse>()).MapTo<ProjectResponse>();
    }

    public async Task<List<ProjectSummary>> SummariesAsync(IReadOnlyList<Project> projects, CancellationToken ct)
    {
        var (customers, orders) = await NamesAsync(projects, ct);
        var entries = await EntriesAsync([.. projects.Select(p => p.Id)], ct);
        return [.. projects.Select(p =>
        {
            var time = TimeOf(p, entries);
            return new ProjectSummarySource(p, customers.GetValueOrDefault(p.CustomerId, ""), p.OrderId is { } o ? orders.GetValueOrDefault(o) : null,
                time.SpentHours, time.ProgressPercent, time.OverBudget).MapTo<ProjectSummary>();
        })];
    }

    private static ProjectTime TimeOf(Project project, ILookup<Guid, EntryTotal> entries) =>
        ProjectTime.Of(project.BudgetHours, project.BudgetAmount, project.HourlyRate,
            entries[project.Id].Select(e => (e.UserId, e.Minutes, e.Billable, e.Invoiced)));

    private async Task<ILookup<Guid, EntryTotal>> EntriesAsync(List<Guid> projectIds, CancellationToken ct) =>
        (await db.TimeEntries.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId))
            .GroupBy(e => new { e.ProjectId, e.UserId, e.Billable, Invoiced = e.InvoiceId != null })
            .Select(g => new EntryTotal(g.Key.ProjectId, g.Key.UserId, g.Key.Billable, g.Key.Invoiced, g.Sum(e => e.Minutes)))
            .ToListAsync(ct)).ToLookup(e => e.ProjectId);

    private async Task<(Dictionary<Guid, string> Customers, Dictionary<Guid, string?> Orders)> NamesAsync(IReadOnlyList<Project> projects, CancellationToken ct)
    {
        var customerIds = projects.Select(p => p.CustomerId).Distinct().ToList();
        var orderIds = projects.Where(p => p.OrderId is not null).Select(p => p.OrderId!.Value).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var orders = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
        return (customers, orders);
    }

    private sealed record EntryTotal(Guid ProjectId, Guid UserId, bool Billable, bool Invoiced, int Minutes);
}
