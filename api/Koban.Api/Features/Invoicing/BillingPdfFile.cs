using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Invoicing;

/// <summary>An invoice's or credit note's PDF as downloaded: the archived bytes of a validated document, a live preview of a draft.</summary>
public sealed record BillingPdfFile(byte[] Pdf, string FileName)
{
    internal const string Rules = "A validated document returns its **archived** PDF: rendered once, right after validation, from the snapshot copied at validation (seller, buyer, wordings, template settings), stored with its SHA-256 (shown as `archive.sha256` on the document) — every download returns the same bytes, whatever changed since in the company, the customer or the template. A draft is a preview rendered live: BROUILLON instead of a number, a diagonal \"APERÇU — sans valeur\" watermark and footer mark on every page, file name `Facture brouillon (aperçu).pdf`; it is never stored, fingerprinted or numbered.";

    internal static async Task<BillingPdfFile> OfAsync(DocumentArchiver archiver, BillingDocument document, CancellationToken ct)
    {
        var (pdf, fileName) = document.IsValidated ? await archiver.ArchiveAsync(document.Id, ct) : await archiver.RenderDraftAsync(document, ct);
        return new BillingPdfFile(pdf, fileName);
    }

    /// <summary>The PDF inline, never cached (a draft's preview changes with every edit).</summary>
    internal FileContentHttpResult Result(HttpResponse response) => PdfResults.Inline(response, Pdf, FileName);
}
