using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Projects;

public sealed record CompleteProjectCommand(Guid Id) : ICommand<Versioned<ProjectResponse>>;

public sealed class CompleteProjectHandler(ProjectTransition transition) : ICommandHandler<CompleteProjectCommand, Versioned<ProjectResponse>>
{
    public ValueTask<Versioned<ProjectResponse>> Handle(CompleteProjectCommand command, CancellationToken cancellationToken) =>
        transition.ApplyAsync(command.Id, project => project.Complete(), cancellationToken);

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
