using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Compliance;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Compliance;

/// <summary>Closures, oldest first; <c>year</c> keeps those of one fiscal year (named after its closing year).</summary>
public sealed record ListClosuresQuery(int? Year) : IQuery<ClosureListResponse>;

public sealed class ListClosuresHandler(KobanDbContext db) : IQueryHandler<ListClosuresQuery, ClosureListResponse>
{
    public async ValueTask<ClosureListResponse> Handle(ListClosuresQuery query, CancellationToken cancellationToken)
    {
        var closures = db.Closures.AsNoTracking();
        if (query.Year is { } year)
        {
            var startMonth = await db.Companies.AsNoTracking().Select(c => c.FiscalYearStartMonth).SingleAsync(cancellationToken);
            var fiscalYear = ClosurePeriod.FiscalYearEndingIn(year, startMonth);
            closures = closures.Where(c => c.FiscalYearStart == fiscalYear.Start);
        }
        var items = await closures.OrderBy(c => c.ChainSequence).ToListAsync(cancellationToken);
        return new ClosureListResponse([.. items.Select(c => c.MapTo<ClosureResponse>())]);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/closures", async Task<Ok<ClosureListResponse>> (int? year, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListClosuresQuery(year), ct)))
            .WithName("ListComplianceClosures")
            .WithSummary("List closures")
            .WithDescription("Every monthly and yearly closure of the company in chain order (at most 13 a fiscal year, so the list is not paged). `year` keeps those of one fiscal year, named after the year of its closing date.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithProblems(422)
            .WithExamples(null, 200, new ClosureListResponse([ComplianceExamples.March]));
}
