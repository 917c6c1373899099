using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Projects;

public sealed record CreateProjectCommand(ProjectRequest Request) : ICommand<Versioned<ProjectResponse>>;

public sealed class CreateProjectValidator : AbstractValidator<CreateProjectCommand>
{
    public CreateProjectValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new ProjectRequestValidator()).OverridePropertyName("");
}

/// <summary>A project not tied to an order: the customer, the rate and the budgets are typed.</summary>
public sealed class CreateProjectHandler(KobanDbContext db, AuditLog audit, ProjectInput input, ProjectReader reader, TimeProvider clock)
    : ICommandHandler<CreateProjectCommand, Versioned<ProjectResponse>>
{
    public async ValueTask<Versioned<ProjectResponse>> Handle(CreateProjectCommand command, CancellationToken cancellationToken)
    {
        var data = await input.ReadAsync(command.Request, forNewProject: true, cancellationToken);
        var project = Project.Create(data, null, clock.GetUtcNow());
        db.Projects.Add(project);
        audit.Record("project.created", "project", project.Id, after: new { project.Name, project.CustomerId, project.BudgetHours, project.BudgetAmount, project.HourlyRate, members = project.MemberIds });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(project, cancellationToken), project.Version);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("/", async Task<Created<ProjectResponse>> (ProjectRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var project = await mediator.Send(new CreateProjectCommand(body), ct);
                return project.Created(response, $"/api/v1/projects/{project.Value.Id}");
            })
            .WithName("CreateProject")
            .WithSummary("Create a project directly (no order)")
            .WithDescription("A planned project for a customer of the company (archived customers refused: 422 `customer_archived`): `hourlyRate` is the service rate excluding VAT (4 decimals) billable time is invoiced at, `vatRate` its VAT rate (default: the standard 20 %, 0 % under the VAT franchise), `budgetHours`/`budgetAmount` optional (≥ 0), `endDate` ≥ `startDate`, `memberIds` users of the company (the people who enter time on it).")
            .RequirePermission(Permissions.Projects, Access.Write)
            .WithProblems(422)
            .WithExamples(ProjectsExamples.Request, 201, ProjectsExamples.Project);
}
