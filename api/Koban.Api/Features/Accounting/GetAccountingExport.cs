using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Accounting;

public sealed record GetAccountingExportQuery(Guid Id) : IQuery<AccountingExportResponse>;

public sealed class GetAccountingExportHandler(KobanDbContext db) : IQueryHandler<GetAccountingExportQuery, AccountingExportResponse>
{
    public async ValueTask<AccountingExportResponse> Handle(GetAccountingExportQuery query, CancellationToken cancellationToken) =>
        AccountingReader.Export(await db.AccountingExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("accounting_export", query.Id));
}

public static class GetAccountingExport
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<AccountingExportResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAccountingExportQuery(id), ct)))
            .WithName("GetAccountingExport")
            .WithSummary("Get an accounting export (status and progress)")
            .WithDescription("`status` is `Queued`, `Running` (`progressPercent` = `rowsWritten` / `rowsTotal`), `Completed` (file ready: `fileName`, `size`, `sha256`, `entryCount`) or `Failed` (`error`).")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, AccountingExamples.Export);
}
