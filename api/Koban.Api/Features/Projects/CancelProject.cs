using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record CancelProjectCommand(Guid Id) : ICommand<Versioned<ProjectResponse>>;

public sealed class CancelProjectHandler(KobanDbContext db, AuditLog audit, ProjectReader reader) : ICommandHandler<CancelProjectCommand, Versioned<ProjectResponse>>
{
    public async ValueTask<Versioned<ProjectResponse>> Handle(CancelProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException("project", command.Id);
        var before = project.Status;
        project.Cancel();
        audit.Record("project.status_changed", "project", project.Id, before: new { status = before }, after: new { project.Status });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(project, cancellationToken), project.Version);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("/{id:guid}/cancel", async Task<Ok<ProjectResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new CancelProjectCommand(id), ct)).Ok(response))
            .WithName("CancelProject")
            .WithSummary("Cancel a project")
            .WithDescription("Planned or InProgress → Cancelled (409 `invalid_state_transition` otherwise). No time is entered on a cancelled project any more; its billable time not yet invoiced can still be invoiced.")
            .RequirePermission(Permissions.Projects, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, ProjectsExamples.Project);
}
