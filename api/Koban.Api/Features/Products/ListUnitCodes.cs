using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Products;

namespace Koban.Api.Features.Products;

/// <summary>The fixed list of units of measure: read from the domain, no request needed.</summary>
internal static class ListUnitCodesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/units", () => TypedResults.Ok<IReadOnlyList<UnitCodeResponse>>([.. UnitCode.All.Select(u => new UnitCodeResponse(u.Code, u.LabelFr))]))
            .WithName("ListUnitCodes")
            .WithSummary("Units of measure")
            .WithDescription("UN/ECE Recommendation 20 codes (needed by e-invoices) with their French labels.")
            .RequirePermission(Permissions.Products, Access.Read)
            .WithExamples(null, 200, ProductExamples.Units);
}
