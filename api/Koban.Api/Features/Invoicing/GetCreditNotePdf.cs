using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record GetCreditNotePdfQuery(Guid Id) : IQuery<BillingPdfFile>;

/// <summary>The archived bytes of a validated credit note (archiving it now if the worker has not yet); a draft rendered live.</summary>
public sealed class GetCreditNotePdfHandler(KobanDbContext db, DocumentArchiver archiver) : IQueryHandler<GetCreditNotePdfQuery, BillingPdfFile>
{
    public async ValueTask<BillingPdfFile> Handle(GetCreditNotePdfQuery query, CancellationToken cancellationToken)
    {
        var note = await db.CreditNotes.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == query.Id, cancellationToken) ?? throw new NotFoundException("creditNote", query.Id);
        return await BillingPdfFile.OfAsync(archiver, note, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/credit-notes/{id:guid}/pdf", async Task<FileContentHttpResult> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetCreditNotePdfQuery(id), ct)).Result(response))
            .WithTags("Credit notes")
            .WithName("GetCreditNotePdf")
            .WithSummary("The credit note as a PDF")
            .WithDescription(BillingPdfFile.Rules)
            .RequirePermission(Permissions.CreditNotes, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithProblems(404);
}
