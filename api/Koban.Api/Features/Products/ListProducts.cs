using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Products;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Products;

public sealed record ListProductsQuery(int Limit, string? After, string? Sort, string? Search, ProductNature? Nature, bool? ForSale, bool? Deliverable,
    bool? IsContract, bool? Archived, DateTimeOffset? UpdatedSince) : IQuery<ProductList>;

public sealed class ListProductsHandler(KobanDbContext db) : IQueryHandler<ListProductsQuery, ProductList>
{
    public static readonly SortFields<Product> Sorts = new SortFields<Product>("code")
        .Add("code", p => p.Code)
        .Add("name", p => p.Name)
        .Add("unitPrice", p => p.UnitPrice)
        .Add("updatedAt", p => p.UpdatedAt);

    public async ValueTask<ProductList> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        products = query.Archived is { } archived ? products.Where(p => p.IsArchived == archived) : products.Where(p => !p.IsArchived);
        if (query.Nature is { } nature) products = products.Where(p => p.Nature == nature);
        if (query.ForSale is { } forSale) products = products.Where(p => p.ForSale == forSale);
        if (query.Deliverable is { } deliverable) products = products.Where(p => p.Deliverable == deliverable);
        if (query.IsContract is { } contract) products = products.Where(p => p.IsContract == contract);
        if (query.UpdatedSince is { } since) products = products.Where(p => p.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            products = products.Where(p => EF.Functions.ILike(p.Code, pattern, "\\") || EF.Functions.ILike(p.Name, pattern, "\\"));
        }
        var (items, next, hasMore) = await Keyset.PageAsync(products, Sorts, query.Sort, query.After, query.Limit, p => p.Id, cancellationToken);
        return ProductReader.List(items, next, hasMore);
    }
}

internal static class ListProductsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<ProductList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, ProductNature? nature, bool? forSale,
                bool? deliverable, bool? isContract, bool? archived, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListProductsQuery(Cursor.Limit(limit), after, sort, search, nature, forSale, deliverable, isContract, archived, updatedSince), ct)))
            .WithName("ListProducts")
            .WithSummary("List and search products")
            .WithDescription("`search` matches the code or the name. Filters: `nature`, `forSale`, `deliverable`, `isContract`, `archived` (default false), `updatedSince`. `sort`: `code` (default), `name`, `unitPrice`, `updatedAt`, `-` for descending.")
            .RequirePermission(Permissions.Products, Access.Read)
            .WithExamples(null, 200, new ProductList([ProductExamples.Product], null, false));
}
