using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record StartProjectCommand(Guid Id) : ICommand<Versioned<ProjectResponse>>;

public sealed class StartProjectHandler(KobanDbContext db, AuditLog audit, ProjectReader reader) : ICommandHandler<StartProjectCommand, Versioned<ProjectResponse>>
{
    public async ValueTask<Versioned<ProjectResponse>> Handle(StartProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException("project", command.Id);
        var before = project.Status;
        project.Start();
        audit.Record("project.status_changed", "project", project.Id, before: new { status = before }, after: new { project.Status });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(project, cancellationToken), project.Version);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("/{id:guid}/start", async Task<Ok<ProjectResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new StartProjectCommand(id), ct)).Ok(response))
            .WithName("StartProject")
            .WithSummary("Start a project")
            .WithDescription("Planned → InProgress (409 `invalid_state_transition` otherwise). Entering the first time on a planned project starts it too.")
            .RequirePermission(Permissions.Projects, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, ProjectsExamples.Project);
}
