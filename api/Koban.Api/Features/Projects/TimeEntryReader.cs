using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

/// <summary>Builds time-entry responses for every time use case, with the project's and the user's names and, for
/// invoiced time, its invoice's number and status.</summary>
public sealed class TimeEntryReader(KobanDbContext db)
{
    public async Task<TimeEntryResponse> ResponseAsync(TimeEntry entry, CancellationToken ct) => (await ResponsesAsync([entry], ct))[0];

    public async Task<List<TimeEntryResponse>> ResponsesAsync(IReadOnlyList<TimeEntry> entries, CancellationToken ct)
    {
        var projectIds = entries.Select(e => e.ProjectId).Distinct().ToList();
        var userIds = entries.Select(e => e.UserId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var invoiceIds = entries.Where(e => e.InvoiceId is not null).Select(e => e.InvoiceId!.Value).Distinct().ToList();
        var invoices = invoiceIds.Count == 0
            ? []
            : await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => invoiceIds.Contains(i.Id))
                .Select(i => new { i.Id, i.Number, i.Status }).ToDictionaryAsync(i => i.Id, ct);
        return [.. entries.Select(e =>
        {
            var invoice = e.InvoiceId is { } id ? invoices.GetValueOrDefault(id) : null;
            return new TimeEntrySource(e, projects.GetValueOrDefault(e.ProjectId, ""), users.GetValueOrDefault(e.UserId, ""), invoice?.Number, invoice?.Status)
                .MapTo<TimeEntryResponse>();
        })];
    }
}
