using Koban.Api.Features.DocumentTemplates;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record BillingPdfQuery(Guid Id, bool CreditNote) : IQuery<(byte[] Pdf, string FileName)>;

/// <summary>The archived bytes of a validated document (archiving it now if the worker has not yet); a draft rendered live.</summary>
public sealed class BillingPdfHandler(KobanDbContext db, DocumentArchiver archiver) : IQueryHandler<BillingPdfQuery, (byte[] Pdf, string FileName)>
{
    public async ValueTask<(byte[] Pdf, string FileName)> Handle(BillingPdfQuery query, CancellationToken cancellationToken)
    {
        var document = query.CreditNote
            ? await db.CreditNotes.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == query.Id, cancellationToken) as Koban.Domain.Invoicing.BillingDocument
            : await db.Invoices.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == query.Id, cancellationToken);
        if (document is null) throw new NotFoundException(query.CreditNote ? "creditNote" : "invoice", query.Id);
        return document.IsValidated ? await archiver.ArchiveAsync(document.Id, cancellationToken) : await archiver.RenderDraftAsync(document, cancellationToken);
    }
}

public static class BillingPdfEndpoints
{
    private const string Rules = "A validated document returns its **archived** PDF: rendered once, right after validation, from the snapshot copied at validation (seller, buyer, wordings, template settings), stored with its SHA-256 (shown as `archive.sha256` on the document) — every download returns the same bytes, whatever changed since in the company, the customer or the template. A draft is a preview rendered live: BROUILLON instead of a number, a diagonal \"APERÇU — sans valeur\" watermark and footer mark on every page, file name `Facture brouillon (aperçu).pdf`; it is never stored, fingerprinted or numbered.";

    public static void MapBillingPdfEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/invoices/{id:guid}/pdf", async Task<FileContentHttpResult> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (pdf, fileName) = await mediator.Send(new BillingPdfQuery(id, CreditNote: false), ct);
                return DocumentTemplatesEndpoints.Pdf(response, pdf, fileName);
            })
            .WithTags("Invoices")
            .WithName("GetInvoicePdf")
            .WithSummary("The invoice as a PDF")
            .WithDescription(Rules)
            .RequirePermission(Permissions.Invoices, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithProblems(404);

        app.MapGet("/api/v1/credit-notes/{id:guid}/pdf", async Task<FileContentHttpResult> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (pdf, fileName) = await mediator.Send(new BillingPdfQuery(id, CreditNote: true), ct);
                return DocumentTemplatesEndpoints.Pdf(response, pdf, fileName);
            })
            .WithTags("Credit notes")
            .WithName("GetCreditNotePdf")
            .WithSummary("The credit note as a PDF")
            .WithDescription(Rules)
            .RequirePermission(Permissions.CreditNotes, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithProblems(404);
    }
}
