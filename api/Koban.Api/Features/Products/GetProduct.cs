using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Products;

public sealed record GetProductQuery(Guid Id) : IQuery<Versioned<ProductResponse>>;

public sealed class GetProductHandler(KobanDbContext db) : IQueryHandler<GetProductQuery, Versioned<ProductResponse>>
{
    public async ValueTask<Versioned<ProductResponse>> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken) ?? throw new NotFoundException("product", query.Id);
        return ProductReader.WithVersion(product);
    }
}

internal static class GetProductEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<ProductResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetProductQuery(id), ct)).Ok(response))
            .WithName("GetProduct")
            .WithSummary("Get a product")
            .WithDescription("Returns the product with an `ETag` for the update.")
            .RequirePermission(Permissions.Products, Access.Read)
            .WithExamples(null, 200, ProductExamples.Product);
}
