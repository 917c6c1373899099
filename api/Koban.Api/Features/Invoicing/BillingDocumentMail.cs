using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Common;
using Koban.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>An invoice or credit note as it leaves by e-mail: only once validated, with its archived PDF — the very bytes
/// stored at validation (archived now if the worker has not done it yet).</summary>
internal static class BillingDocumentMail
{
    public static async Task<DocumentToMail> PrepareAsync(KobanDbContext db, DocumentArchiver archiver, BillingDocument document, string auditEntity, string mailEntityType,
        CancellationToken ct)
    {
        if (!document.IsValidated)
            throw new DomainConflictException(ErrorCodes.DocumentNotValidated, "Only a validated document is sent: a draft is not an invoice.");
        await archiver.ArchiveAsync(document.Id, ct);
        var archived = await db.ArchivedDocuments.AsNoTracking().SingleAsync(a => a.DocumentId == document.Id, ct);
        return new DocumentToMail(auditEntity, mailEntityType, DocumentArchiver.KindOf(document), document.Id, document.Number!, document.TotalIncludingVat,
            document.DueDate, document.CustomerId, MailAttachment.FromStoredFile(archived.FileId, DocumentArchiver.FileName(document), "application/pdf"));
    }
}
