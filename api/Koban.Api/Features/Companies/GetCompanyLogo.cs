using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Companies;

public sealed record GetCompanyLogoQuery : IQuery<StoredFile>;

public sealed class GetCompanyLogoHandler(KobanDbContext db) : IQueryHandler<GetCompanyLogoQuery, StoredFile>
{
    public async ValueTask<StoredFile> Handle(GetCompanyLogoQuery query, CancellationToken cancellationToken)
    {
        var logoId = await db.Companies.Select(c => c.LogoFileId).SingleOrDefaultAsync(cancellationToken);
        return logoId is null
            ? throw new NotFoundException("logo")
            : await db.Files.AsNoTracking().SingleAsync(f => f.Id == logoId, cancellationToken);
    }
}

internal static class GetCompanyLogoEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/logo", async Task<FileContentHttpResult> (IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetCompanyLogoQuery(), ct);
                return TypedResults.File(file.Content, file.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
            })
            .WithName("GetCompanyLogo")
            .WithSummary("Download the company logo")
            .WithDescription("PNG or JPEG bytes, as uploaded. 404 when the company has no logo.")
            .RequirePermission(Permissions.Company, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "image/jpeg")
            .WithProblems(404);
}
