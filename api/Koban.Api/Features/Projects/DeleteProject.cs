using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record DeleteProjectCommand(Guid Id) : ICommand;

public sealed class DeleteProjectHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<DeleteProjectCommand>
{
    public async ValueTask<Unit> Handle(DeleteProjectCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked so that a time entry created meanwhile (which locks the project too) cannot slip in before the delete.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM projects WHERE id = {command.Id} FOR UPDATE", cancellationToken);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException("project", command.Id);
        Project.EnsureDeletable(await db.TimeEntries.AnyAsync(e => e.ProjectId == project.Id, cancellationToken));
        db.Projects.Remove(project);
        audit.Record("project.deleted", "project", project.Id, before: new { project.Name, project.CustomerId, project.OrderId });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteProjectCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteProject")
            .WithSummary("Delete a project without time")
            .WithDescription("Only a project on which no time was entered is deleted (409 `project_has_time`: cancel it instead, its time is the history of the work).")
            .RequirePermission(Permissions.Projects, Access.Write)
            .WithProblems(409);
}
