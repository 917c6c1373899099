using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Products;

public sealed record ListVatTreatmentsQuery : IQuery<VatTreatmentsResponse>;

public sealed class ListVatTreatmentsHandler(KobanDbContext db) : IQueryHandler<ListVatTreatmentsQuery, VatTreatmentsResponse>
{
    public async ValueTask<VatTreatmentsResponse> Handle(ListVatTreatmentsQuery query, CancellationToken cancellationToken)
    {
        var franchise = await db.Companies.Select(c => c.VatFranchise).SingleAsync(cancellationToken);
        return ProductReader.VatTreatments(VatChoices.For(franchise));
    }
}

public static class VatTreatmentsEndpoint
{
    public static void MapVatTreatmentsEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/vat-treatments", async Task<Ok<VatTreatmentsResponse>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListVatTreatmentsQuery(), ct)))
            .WithTags("Products")
            .WithName("ListVatTreatments")
            .WithSummary("The VAT treatments a line may take in this company")
            .WithDescription("What a product or a sales line may carry, for a choice list rather than a free number: the allowed French rates above 0 % with their article of the CGI, and the exemptions a 0 % line may cite (send `reason` as the line's `vatExemptionReason` with `vatRate` 0; it is the mention the document prints). Under the VAT franchise (`vatFranchise`), no rate and only the franchise mention (art. 293 B du CGI). The customer's regime may still override a line (intra-EU supply, reverse charge, export).")
            .RequirePermission(Permissions.Products, Access.Read)
            .WithExamples(null, 200, ProductExamples.VatTreatments);
}
