using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record CompleteProjectCommand(Guid Id) : ICommand<Versioned<ProjectResponse>>;

public sealed class CompleteProjectHandler(KobanDbContext db, AuditLog audit, ProjectReader reader) : ICommandHandler<CompleteProjectCommand, Versioned<ProjectResponse>>
{
    public async ValueTask<Versioned<ProjectResponse>> Handle(CompleteProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException("project", command.Id);
        var before = project.Status;
        project.Complete();
        audit.Record("project.status_changed", "project", project.Id, before: new { status = before }, after: new { project.Status });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(project, cancellationToken), project.Version);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("/{id:guid}/complete", async Task<Ok<ProjectResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new CompleteProjectCommand(id), ct)).Ok(response))
            .WithName("CompleteProject")
            .WithSummary("Complete a project")
            .WithDescription("Planned or InProgress → Done (409 `invalid_state_transition` otherwise). No time is entered on a done project any more; its billable time not yet invoiced can still be invoiced.")
            .RequirePermission(Permissions.Projects, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, ProjectsExamples.Project);
}
