using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Mediator;

namespace Koban.Api.Features.Products;

/// <summary>What importing the file would do, row by row, without keeping anything (the import's <c>dryRun=true</c>).</summary>
public sealed record PreviewProductImportQuery(CsvTable Table) : IQuery<ImportReport>;

public sealed class PreviewProductImportHandler(KobanDbContext db, AuditLog audit) : IQueryHandler<PreviewProductImportQuery, ImportReport>
{
    public async ValueTask<ImportReport> Handle(PreviewProductImportQuery query, CancellationToken cancellationToken) =>
        await ProductCsvImport.RunAsync(db, audit, query.Table, dryRun: true, cancellationToken);
}
