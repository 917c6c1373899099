using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Projects;

public sealed record StartProjectCommand(Guid Id) : ICommand<Versioned<ProjectResponse>>;

public sealed class StartProjectHandler(ProjectTransition transition) : ICommandHandler<StartProjectCommand, Versioned<ProjectResponse>>
{
    public ValueTask<Versioned<ProjectResponse>> Handle(StartProjectCommand command, CancellationToken cancellationToken) =>
        transition.ApplyAsync(command.Id, project => project.Start(), cancellationToken);

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
