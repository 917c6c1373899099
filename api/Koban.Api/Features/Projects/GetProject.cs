using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Projects;

public sealed record GetProjectQuery(Guid Id) : IQuery<Versioned<ProjectResponse>>;

public sealed class GetProjectHandler(ProjectReader reader) : IQueryHandler<GetProjectQuery, Versioned<ProjectResponse>>
{
    public async ValueTask<Versioned<ProjectResponse>> Handle(GetProjectQuery query, CancellationToken cancellationToken) =>
        await reader.ProjectAsync(query.Id, cancellationToken);

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapGet("/{id:guid}", async Task<Ok<ProjectResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetProjectQuery(id), ct)).Ok(response))
            .WithName("GetProject")
            .WithSummary("Get a project with its time against budget")
            .WithDescription("The project, its members (each with their hours spent, billable and billable not yet invoiced; a user who entered time and left the members is listed too) and `time`: hours spent, billable, billable not yet invoiced, the billable amount (billable hours × `hourlyRate`, rounded once to the cent) and the amount not yet invoiced, budget consumption in % (hours budget, else amount budget) and `overBudget` when either budget is exceeded.")
            .RequirePermission(Permissions.Projects, Access.Read)
            .WithExamples(null, 200, ProjectsExamples.Project);
}
