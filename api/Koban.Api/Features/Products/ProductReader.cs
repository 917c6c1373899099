using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Products;

/// <summary>Builds the product responses of every use case of the feature (through <see cref="ProductMapping"/>),
/// and loads the product a use case works on.</summary>
internal static class ProductReader
{
    public static ProductResponse Response(Product product) => product.MapTo<ProductResponse>();

    public static Versioned<ProductResponse> WithVersion(Product product) => Versioned.Of(Response(product), product.Version);

    public static ProductList List(IEnumerable<Product> products, string? nextCursor, bool hasMore) => new([.. products.Select(Response)], nextCursor, hasMore);

    public static VatTreatmentsResponse VatTreatments(VatChoiceList choices) => new(choices.Franchise,
        [.. choices.Rates.Select(r => new VatRateChoiceResponse(r.Rate, r.Label, r.LegalBasis))],
        [.. choices.Exemptions.Select(e => new VatExemptionChoiceResponse(e.Wording, e.Label, e.LegalBasis))]);

    /// <summary>The product, tracked for a change; 404 when it does not exist in the company.</summary>
    public static async Task<Product> LoadAsync(KobanDbContext db, Guid id, CancellationToken ct) =>
        await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("product", id);
}
