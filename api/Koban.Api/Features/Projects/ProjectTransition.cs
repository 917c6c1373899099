using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

/// <summary>
/// The one shape of a status change (start, complete, cancel): load the company's project, let the domain decide the
/// transition, audit it as <c>project.status_changed</c> with the status before and after, save, answer the project
/// with its new version. Each use case keeps its own file, command and endpoint; only this body is shared.
/// </summary>
public sealed class ProjectTransition(KobanDbContext db, AuditLog audit, ProjectReader reader)
{
    public async ValueTask<Versioned<ProjectResponse>> ApplyAsync(Guid id, Action<Project> transition, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("project", id);
        var before = project.Status;
        transition(project);
        audit.Record("project.status_changed", "project", project.Id, before: new { status = before }, after: new { project.Status });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(project, cancellationToken), project.Version);
    }
}
