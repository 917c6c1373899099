using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record QuotePdfQuery(Guid Id) : IQuery<(byte[] Pdf, string FileName)>;

public sealed class QuotePdfHandler(KobanDbContext db, DocumentTemplateService templates, CompanyClock clock, OrderFactory orders)
    : IQueryHandler<QuotePdfQuery, (byte[] Pdf, string FileName)>
{
    public async ValueTask<(byte[] Pdf, string FileName)> Handle(QuotePdfQuery query, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == query.Id, cancellationToken) ?? throw new NotFoundException("quote", query.Id);
        var company = await db.Companies.AsNoTracking().SingleAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == quote.CustomerId, cancellationToken);
        var document = SalesPdf.FromQuote(quote, company, customer, await orders.TermsAsync(customer, cancellationToken),
            await SalesPdf.ProductsAsync(db, quote.Lines, cancellationToken), await clock.TodayAsync(cancellationToken));
        var pdf = await templates.RenderAsync(document, await templates.SettingsAsync(PrintableKind.Quote, cancellationToken), cancellationToken);
        return (pdf, SalesPdf.FileName(document));
    }
}

internal static class GetQuotePdfEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/quotes/{id:guid}/pdf", async Task<FileContentHttpResult> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (pdf, fileName) = await mediator.Send(new QuotePdfQuery(id), ct);
                return PdfResults.Inline(response, pdf, fileName);
            })
            .WithTags("Quotes")
            .WithName("GetQuotePdf")
            .WithSummary("The quote as a PDF")
            .WithDescription("Rendered now from the quote, the company and the customer with the Quote template (not an archive: a quote is not a legal record). A draft is a preview: BROUILLON instead of a number, a diagonal \"APERÇU — sans valeur\" watermark and the same words in the footer of every page, file name `Devis brouillon (aperçu).pdf`; nothing is stored. `Content-Disposition` names the file after the number.")
            .RequirePermission(Permissions.Quotes, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithProblems(404);
}
