using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record LoseOpportunityCommand(Guid Id, string Reason) : ICommand<OpportunityResponse>;

public sealed class LoseOpportunityHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, OpportunityReader reader) : ICommandHandler<LoseOpportunityCommand, OpportunityResponse>
{
    public async ValueTask<OpportunityResponse> Handle(LoseOpportunityCommand command, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("opportunity", command.Id);
        opportunity.Lose(command.Reason, await clock.TodayAsync(cancellationToken));
        audit.Record("opportunity.lost", "opportunity", opportunity.Id, after: new { command.Reason });
        await db.SaveChangesAsync(cancellationToken);
        return await reader.ResponseAsync(opportunity, cancellationToken);
    }
}

internal static class LoseOpportunityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/lose", async Task<Ok<OpportunityResponse>> (Guid id, LoseOpportunityRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new LoseOpportunityCommand(id, request.Reason), ct)))
            .WithName("LoseOpportunity")
            .WithSummary("Mark an opportunity lost")
            .WithDescription("A reason is required (422 `lost_reason_required`). Only an open opportunity can be lost.")
            .RequirePermission(Permissions.Opportunities, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(SalesOpenApiExamples.LoseRequest, 200, SalesOpenApiExamples.Lost);
}
