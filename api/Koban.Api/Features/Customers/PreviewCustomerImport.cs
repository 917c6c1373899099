using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Mediator;

namespace Koban.Api.Features.Customers;

/// <summary>What importing the file would do, row by row, without keeping anything (the import's <c>dryRun=true</c>).</summary>
public sealed record PreviewCustomerImportQuery(CsvTable Table) : IQuery<ImportReport>;

public sealed class PreviewCustomerImportHandler(KobanDbContext db, AuditLog audit) : IQueryHandler<PreviewCustomerImportQuery, ImportReport>
{
    public async ValueTask<ImportReport> Handle(PreviewCustomerImportQuery query, CancellationToken cancellationToken) =>
        await CustomerCsvImport.RunAsync(db, audit, query.Table, dryRun: true, cancellationToken);
}
