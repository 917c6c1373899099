using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record ReopenOpportunityCommand(Guid Id) : ICommand<OpportunityResponse>;

public sealed class ReopenOpportunityHandler(KobanDbContext db, AuditLog audit, OpportunityReader reader) : ICommandHandler<ReopenOpportunityCommand, OpportunityResponse>
{
    public async ValueTask<OpportunityResponse> Handle(ReopenOpportunityCommand command, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("opportunity", command.Id);
        opportunity.Reopen();
        audit.Record("opportunity.reopened", "opportunity", opportunity.Id);
        await db.SaveChangesAsync(cancellationToken);
        return await reader.ResponseAsync(opportunity, cancellationToken);
    }
}

internal static class ReopenOpportunityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/reopen", async Task<Ok<OpportunityResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReopenOpportunityCommand(id), ct)))
            .WithName("ReopenOpportunity")
            .WithSummary("Reopen a won or lost opportunity")
            .WithDescription("The opportunity is open again; an order created when it was won stays as it is.")
            .RequirePermission(Permissions.Opportunities, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, SalesOpenApiExamples.Opportunity);
}
