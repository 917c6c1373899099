using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Projects;

public sealed record CancelProjectCommand(Guid Id) : ICommand<Versioned<ProjectResponse>>;

public sealed class CancelProjectHandler(ProjectTransition transition) : ICommandHandler<CancelProjectCommand, Versioned<ProjectResponse>>
{
    public ValueTask<Versioned<ProjectResponse>> Handle(CancelProjectCommand command, CancellationToken cancellationToken) =>
        transition.ApplyAsync(command.Id, project => project.Cancel(), cancellationToken);

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
