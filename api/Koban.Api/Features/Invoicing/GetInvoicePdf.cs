using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record GetInvoicePdfQuery(Guid Id) : IQuery<BillingPdfFile>;

/// <summary>The archived bytes of a validated invoice (archiving it now if the worker has not yet); a draft rendered live.</summary>
public sealed class GetInvoicePdfHandler(KobanDbContext db, DocumentArchiver archiver) : IQueryHandler<GetInvoicePdfQuery, BillingPdfFile>
{
    public async ValueTask<BillingPdfFile> Handle(GetInvoicePdfQuery query, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == query.Id, cancellationToken) ?? throw new NotFoundException("invoice", query.Id);
        return await BillingPdfFile.OfAsync(archiver, invoice, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/invoices/{id:guid}/pdf", async Task<FileContentHttpResult> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetInvoicePdfQuery(id), ct)).Result(response))
            .WithTags("Invoices")
            .WithName("GetInvoicePdf")
            .WithSummary("The invoice as a PDF")
            .WithDescription(BillingPdfFile.Rules)
            .RequirePermission(Permissions.Invoices, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithProblems(404);
}
