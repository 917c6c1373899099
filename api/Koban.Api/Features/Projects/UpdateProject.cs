using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record UpdateProjectCommand(Guid Id, uint ExpectedVersion, ProjectRequest Request) : ICommand<Versioned<ProjectResponse>>;

public sealed class UpdateProjectValidator : AbstractValidator<UpdateProjectCommand>
{
    public UpdateProjectValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new ProjectRequestValidator()).OverridePropertyName("");
}

public sealed class UpdateProjectHandler(KobanDbContext db, AuditLog audit, ProjectInput input, ProjectReader reader) : ICommandHandler<UpdateProjectCommand, Versioned<ProjectResponse>>
{
    public async ValueTask<Versioned<ProjectResponse>> Handle(UpdateProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException("project", command.Id);
        var data = await input.ReadAsync(command.Request, forNewProject: project.CustomerId != command.Request.CustomerId, cancellationToken);
        if (project.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(project).Property(p => p.Version).OriginalValue = command.ExpectedVersion;
        var before = new { project.Name, project.CustomerId, project.BudgetHours, project.BudgetAmount, project.HourlyRate, members = project.MemberIds.ToList() };
        project.Update(data);
        audit.Record("project.updated", "project", project.Id, before: before, after: new { project.Name, project.CustomerId, project.BudgetHours, project.BudgetAmount, project.HourlyRate, members = project.MemberIds });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(project, cancellationToken), project.Version);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPut("/{id:guid}", async Task<Ok<ProjectResponse>> (Guid id, ProjectRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateProjectCommand(id, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateProject")
            .WithSummary("Update a project")
            .WithDescription("The whole form, with the `If-Match` of the last read. Only while planned or in progress (409 `invalid_state_transition` once done or cancelled). The order a project came from never changes; a new rate applies to time invoiced from now on (invoiced time keeps the price of its invoice). Removing a member keeps the time they entered.")
            .RequirePermission(Permissions.Projects, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(ProjectsExamples.Request, 200, ProjectsExamples.Project);
}
