using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Compliance;

public sealed record GetClosureQuery(Guid Id) : IQuery<ClosureResponse>;

public sealed class GetClosureHandler(KobanDbContext db) : IQueryHandler<GetClosureQuery, ClosureResponse>
{
    public async ValueTask<ClosureResponse> Handle(GetClosureQuery query, CancellationToken cancellationToken) =>
        (await db.Closures.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken) ?? throw new NotFoundException("closure", query.Id)).MapTo<ClosureResponse>();

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/closures/{id:guid}", async Task<Ok<ClosureResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClosureQuery(id), ct)))
            .WithName("GetComplianceClosure")
            .WithSummary("Get a closure")
            .WithDescription("A closure as stored: period and cumulative totals per document type, VAT rate and category, grand totals net of credit notes, the last document of the period, who closed it and when, and its place in the fingerprint chain (sequence, previous fingerprint, fingerprint).")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, ComplianceExamples.March);
}
