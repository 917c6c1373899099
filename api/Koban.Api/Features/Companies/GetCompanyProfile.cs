using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Companies;

public sealed record GetCompanyProfileQuery : IQuery<Versioned<CompanyProfileResponse>>;

public sealed class GetCompanyProfileHandler(KobanDbContext db, CurrentActor actor)
    : IQueryHandler<GetCompanyProfileQuery, Versioned<CompanyProfileResponse>>
{
    public async ValueTask<Versioned<CompanyProfileResponse>> Handle(GetCompanyProfileQuery query, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("company", actor.CompanyId);
        return CompanyReader.WithVersion(company);
    }
}

internal static class GetCompanyProfileEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<CompanyProfileResponse>> (IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetCompanyProfileQuery(), ct)).Ok(response))
            .WithName("GetCompanyProfile")
            .WithSummary("Get the company profile")
            .WithDescription("The seller identity printed on every document (domain-rules §4) and the company's defaults. Returns an `ETag` for the update.")
            .RequirePermission(Permissions.Company, Access.Read)
            .WithExamples(null, 200, CompanyExamples.CompanyProfile);
}
