using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

/// <summary>Builds time-entry responses for every time use case, with the project's and the user's names.</summary>
public sealed class TimeEntryReader(KobanDbContext db)
{
    public async Task<TimeEntryResponse> ResponseAsync(TimeEntry entry, CancellationToken ct) => (await ResponsesAsync([entry], ct))[0];

    public async Task<List<TimeEntryResponse>> ResponsesAsync(IReadOnlyList<TimeEntry> entries, CancellationToken ct)
    {
        var projectIds = entries.Select(e => e.ProjectId).Distinct().ToList();
        var userIds = entries.Select(e => e.UserId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. entries.Select(e => new TimeEntrySource(e, projects.GetValueOrDefault(e.ProjectId, ""), users.GetValueOrDefault(e.UserId, "")).MapTo<TimeEntryResponse>())];
    }
}
