namespace Koban.Api.Features.Products;

public static class ProductsEndpoints
{
    public static void MapProductsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/products").WithTags("Products");
        ListProductsEndpoint.Map(group);
        ListUnitCodesEndpoint.Map(group);
        CreateProductEndpoint.Map(group);
        GetProductEndpoint.Map(group);
        UpdateProductEndpoint.Map(group);
        ArchiveProductEndpoint.Map(group);
        UnarchiveProductEndpoint.Map(group);
        DeleteProductEndpoint.Map(group);
        ImportProductsEndpoint.Map(group);
    }
}
