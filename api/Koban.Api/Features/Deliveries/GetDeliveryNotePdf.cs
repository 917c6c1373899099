using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Deliveries;

public sealed record GetDeliveryNotePdfQuery(Guid Id) : IQuery<(byte[] Pdf, string FileName)>;

public sealed class GetDeliveryNotePdfHandler(DeliveryNotePdf pdfs) : IQueryHandler<GetDeliveryNotePdfQuery, (byte[] Pdf, string FileName)>
{
    public async ValueTask<(byte[] Pdf, string FileName)> Handle(GetDeliveryNotePdfQuery query, CancellationToken cancellationToken)
    {
        var (pdf, fileName, _) = await pdfs.RenderAsync(query.Id, cancellationToken);
        return (pdf, fileName);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/pdf", async Task<FileContentHttpResult> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (pdf, fileName) = await mediator.Send(new GetDeliveryNotePdfQuery(id), ct);
                return PdfResults.Inline(response, pdf, fileName);
            })
            .WithName("GetDeliveryNotePdf")
            .WithSummary("The delivery note as a PDF (bon de livraison)")
            .WithDescription("Rendered now with the DeliveryNote template: number and date, the order's number and the customer's purchase-order reference, the delivery address, the lines with their quantities — unit prices and amounts only when the note's `showPrices` is true — remarks, and the reception block (planned date, delivered on, received by, signature). A draft is a preview: BROUILLON, a diagonal \"APERÇU — sans valeur\" watermark and footer mark, file name `Bon de livraison brouillon (aperçu).pdf`.")
            .RequirePermission(Permissions.DeliveryNotes, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithProblems(404);
}
