using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record GetOpportunityQuery(Guid Id) : IQuery<Versioned<OpportunityResponse>>;

public sealed class GetOpportunityHandler(KobanDbContext db, OpportunityReader reader) : IQueryHandler<GetOpportunityQuery, Versioned<OpportunityResponse>>
{
    public async ValueTask<Versioned<OpportunityResponse>> Handle(GetOpportunityQuery query, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.Id, cancellationToken) ?? throw new NotFoundException("opportunity", query.Id);
        return Versioned.Of(await reader.ResponseAsync(opportunity, cancellationToken), opportunity.Version);
    }
}

internal static class GetOpportunityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<OpportunityResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetOpportunityQuery(id), ct)).Ok(response))
            .WithName("GetOpportunity")
            .WithSummary("Get an opportunity with its quotes")
            .WithDescription("Returns the opportunity, its quotes (number, status, total, expired) and an `ETag`.")
            .RequirePermission(Permissions.Opportunities, Access.Read)
            .WithExamples(null, 200, SalesOpenApiExamples.Opportunity);
}
