using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record CreateProjectFromOrderCommand(ProjectFromOrderRequest Request) : ICommand<Versioned<ProjectResponse>>;

public sealed class CreateProjectFromOrderValidator : AbstractValidator<CreateProjectFromOrderCommand>
{
    public CreateProjectFromOrderValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new ProjectFromOrderRequestValidator()).OverridePropertyName("");
}

/// <summary>A project for the work a validated order sold (<see cref="OrderProjectDefaults"/>): what the request gives
/// wins over the order's defaults.</summary>
public sealed class CreateProjectFromOrderHandler(KobanDbContext db, AuditLog audit, ProjectInput input, ProjectReader reader, TimeProvider clock)
    : ICommandHandler<CreateProjectFromOrderCommand, Versioned<ProjectResponse>>
{
    public async ValueTask<Versioned<ProjectResponse>> Handle(CreateProjectFromOrderCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == r.OrderId, cancellationToken) ?? throw new ReferenceNotFoundException("orderId");
        var defaults = OrderProjectDefaults.Of(order);
        var members = await input.MembersAsync(r.MemberIds, cancellationToken);
        var vatRate = r.VatRate ?? defaults.VatRate ?? await input.StandardVatRateAsync(cancellationToken);
        var data = new ProjectData(r.Name ?? defaults.Name, r.Code, defaults.CustomerId, r.BudgetHours ?? defaults.BudgetHours, r.BudgetAmount ?? defaults.BudgetAmount,
            r.HourlyRate ?? defaults.HourlyRate ?? 0m, vatRate, r.StartDate ?? order.OrderDate, r.EndDate ?? (r.StartDate is null || defaults.EndDate >= r.StartDate ? defaults.EndDate : null), members);
        var project = Project.Create(data, order.Id, clock.GetUtcNow());
        db.Projects.Add(project);
        audit.Record("project.created", "project", project.Id, after: new { project.Name, project.CustomerId, orderId = order.Id, order.Number, project.BudgetHours, project.BudgetAmount, project.HourlyRate, members = project.MemberIds });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(project, cancellationToken), project.Version);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("/from-order", async Task<Created<ProjectResponse>> (ProjectFromOrderRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var project = await mediator.Send(new CreateProjectFromOrderCommand(body), ct);
                return project.Created(response, $"/api/v1/projects/{project.Value.Id}");
            })
            .WithName("CreateProjectFromOrder")
            .WithSummary("Create a project from a validated order")
            .WithDescription("The order must be validated and not closed or cancelled (409 `order_not_validated`). Defaults, each overridden by the request: `name` \"Projet <order number>\", the customer the order bills, `budgetHours` the sum of the quantities of the order's lines sold in hours (unit `HUR`; none if no line is), `budgetAmount` the order's total excluding VAT, `hourlyRate` and `vatRate` those of its first line in hours (unit price net of its discount; else 0 and the standard rate), `startDate` the order date, `endDate` its planned delivery date. Several projects may come from one order.")
            .RequirePermission(Permissions.Projects, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(ProjectsExamples.FromOrderRequest, 201, ProjectsExamples.Project);
}
