using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

/// <summary>
/// The locks and checks every time write shares. Inside the request's transaction a write takes, in this order, a
/// transaction-scoped advisory lock on the user whose time it is (so two requests can never both fit a day under 24 h),
/// then a row lock on each project it touches, in id order (so entries never slip onto a project being deleted or
/// invoiced). Invoicing takes only the project's lock, so the order never crosses.
/// </summary>
public sealed class TimeEntryWriter(KobanDbContext db, AuditLog audit, TimeAccess access)
{
    public async Task LockUserAsync(Guid userId, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"koban.time." + userId.ToString()}, 0))", ct);

    /// <summary>Locks and loads a project; unknown (or another company's) answers 404 for a path id, 422
    /// <c>reference_not_found</c> on <paramref name="referenceField"/> for a body id.</summary>
    public async Task<Project> LockProjectAsync(Guid projectId, string? referenceField, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM projects WHERE id = {projectId} FOR UPDATE", ct);
        return await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct)
            ?? (referenceField is null ? throw new NotFoundException("project", projectId) : throw new ReferenceNotFoundException(referenceField));
    }

    /// <summary>The project takes time (not done or cancelled; a planned one starts) and the person is a member of it, or an Admin.</summary>
    public async Task AcceptAsync(Project project, Guid userId, string field, CancellationToken ct)
    {
        var before = project.Status;
        if (project.AcceptTime(field))
            audit.Record("project.status_changed", "project", project.Id, before: new { status = before }, after: new { project.Status, reason = "first time entry" });
        if (!project.IsMember(userId) && !await access.IsAdminAsync(userId, ct))
            throw new DomainException(ErrorCodes.ProjectMemberRequired, $"User {userId} is not a member of project {project.Id}.") { Field = field };
    }

    /// <summary>The user's minutes on <paramref name="date"/> across projects, leaving out <paramref name="except"/>.</summary>
    public async Task<int> OtherMinutesAsync(Guid userId, DateOnly date, Guid? except, CancellationToken ct) =>
        await db.TimeEntries.Where(e => e.UserId == userId && e.Date == date && e.Id != except).SumAsync(e => e.Minutes, ct);
}
