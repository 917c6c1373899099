using Koban.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>The archived PDF of a validated invoice or credit note as a stored file (archived now if the worker has not
/// done it yet), named as the customer receives it: what a reminder e-mail attaches.</summary>
public sealed record ArchiveDocumentPdfCommand(Guid DocumentId) : ICommand<ArchivedDocumentPdf>;

public sealed record ArchivedDocumentPdf(Guid FileId, string FileName);

public sealed class ArchiveDocumentPdfHandler(KobanDbContext db, DocumentArchiver archiver) : ICommandHandler<ArchiveDocumentPdfCommand, ArchivedDocumentPdf>
{
    public async ValueTask<ArchivedDocumentPdf> Handle(ArchiveDocumentPdfCommand command, CancellationToken cancellationToken)
    {
        var (_, fileName) = await archiver.ArchiveAsync(command.DocumentId, cancellationToken);
        var fileId = await db.ArchivedDocuments.AsNoTracking().Where(a => a.DocumentId == command.DocumentId).Select(a => a.FileId).SingleAsync(cancellationToken);
        return new ArchivedDocumentPdf(fileId, fileName);
    }
}
