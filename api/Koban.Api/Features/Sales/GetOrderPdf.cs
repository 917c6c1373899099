using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record OrderPdfQuery(Guid Id) : IQuery<(byte[] Pdf, string FileName)>;

public sealed class OrderPdfHandler(KobanDbContext db, DocumentTemplateService templates) : IQueryHandler<OrderPdfQuery, (byte[] Pdf, string FileName)>
{
    public async ValueTask<(byte[] Pdf, string FileName)> Handle(OrderPdfQuery query, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.Id, cancellationToken) ?? throw new NotFoundException("order", query.Id);
        var company = await db.Companies.AsNoTracking().SingleAsync(cancellationToken);
        var customers = await db.Customers.AsNoTracking().Where(c => c.Id == order.BillToCustomerId || c.Id == order.CustomerId).ToListAsync(cancellationToken);
        var billTo = customers.Single(c => c.Id == order.BillToCustomerId);
        var contact = order.ContactId is { } contactId ? customers.SelectMany(c => c.Contacts).FirstOrDefault(k => k.Id == contactId) : null;
        var quote = order.SourceQuoteId is { } quoteId ? await db.Quotes.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(q => q.Id == quoteId, cancellationToken) : null;
        var document = SalesPdf.FromOrder(order, company, billTo, contact, quote, await SalesPdf.ProductsAsync(db, order.Lines, cancellationToken));
        var pdf = await templates.RenderAsync(document, await templates.SettingsAsync(PrintableKind.Order, cancellationToken), cancellationToken);
        return (pdf, SalesPdf.FileName(document));
    }
}

internal static class GetOrderPdfEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/orders/{id:guid}/pdf", async Task<FileContentHttpResult> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (pdf, fileName) = await mediator.Send(new OrderPdfQuery(id), ct);
                return PdfResults.Inline(response, pdf, fileName);
            })
            .WithTags("Orders")
            .WithName("GetOrderPdf")
            .WithSummary("The order as a PDF (bon de commande)")
            .WithDescription("Rendered now from the order, the company and the invoiced customer with the Order template: delivery address, purchase-order reference, source quote, payment terms and method, and the order's header, footer and comment texts. A draft is a preview: BROUILLON, a diagonal \"APERÇU — sans valeur\" watermark and footer mark on every page, file name `Bon de commande brouillon (aperçu).pdf`.")
            .RequirePermission(Permissions.Orders, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithProblems(404);
}
