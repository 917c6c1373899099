using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Accounting;

public sealed record ListAccountingExportsQuery : IQuery<AccountingExportListResponse>;

public sealed class ListAccountingExportsHandler(KobanDbContext db) : IQueryHandler<ListAccountingExportsQuery, AccountingExportListResponse>
{
    public const int Limit = 200;

    public async ValueTask<AccountingExportListResponse> Handle(ListAccountingExportsQuery query, CancellationToken cancellationToken)
    {
        var exports = await db.AccountingExports.AsNoTracking().OrderByDescending(e => e.RequestedAt).ThenByDescending(e => e.Id).Take(Limit).ToListAsync(cancellationToken);
        return new AccountingExportListResponse([.. exports.Select(AccountingReader.Export)]);
    }
}

public static class ListAccountingExports
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<AccountingExportListResponse>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAccountingExportsQuery(), ct)))
            .WithName("ListAccountingExports")
            .WithSummary("List accounting exports")
            .WithDescription($"The company's exports, newest first (the latest {ListAccountingExportsHandler.Limit}): who asked for which period and format, when, their status and, once completed, the file's name, size and SHA-256.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, AccountingExamples.ExportList);
}
