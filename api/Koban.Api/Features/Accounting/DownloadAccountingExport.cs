using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting.Export;
using Koban.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Accounting;

public sealed record DownloadAccountingExportQuery(Guid Id) : IQuery<AccountingExportFile>;

public sealed class DownloadAccountingExportHandler(KobanDbContext db) : IQueryHandler<DownloadAccountingExportQuery, AccountingExportFile>
{
    public async ValueTask<AccountingExportFile> Handle(DownloadAccountingExportQuery query, CancellationToken cancellationToken)
    {
        var export = await db.AccountingExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("accounting_export", query.Id);
        if (export.Status != AccountingExportStatus.Completed)
            throw new DomainConflictException(ErrorCodes.AccountingExportNotReady, $"The export is {export.Status}: its file is not ready.");
        return new AccountingExportFile(export.FileName!, export.ContentType!, export.Size!.Value, export.Sha256!, (output, ct) => CopyAsync(export.Id, output, ct));
    }

    /// <summary>Copies the chunks in order, one at a time, reading each as a stream (nothing holds the whole file).</summary>
    private async Task CopyAsync(Guid exportId, Stream output, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("SELECT data FROM accounting_export_chunks WHERE export_id = @id ORDER BY index", connection);
            command.Parameters.AddWithValue("id", exportId);
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                await using var chunk = await reader.GetStreamAsync(0, ct);
                await chunk.CopyToAsync(output, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public static class DownloadAccountingExport
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/file", async Task<PushStreamHttpResult> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var file = await mediator.Send(new DownloadAccountingExportQuery(id), ct);
                response.ContentLength = file.Size;
                response.Headers.ETag = $"\"{file.Sha256}\"";
                response.Headers["X-Content-SHA256"] = file.Sha256;
                return TypedResults.Stream(stream => file.WriteAsync(stream, response.HttpContext.RequestAborted), file.ContentType, file.FileName);
            })
            .WithName("DownloadAccountingExport")
            .WithSummary("Download an export's file")
            .WithDescription("The stored file, byte for byte as written (streamed from the database), with `Content-Disposition` naming it, and its SHA-256 in `ETag` and `X-Content-SHA256`. 409 `accounting_export_not_ready` while the export is queued or running, or when it failed.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithProblems(409)
            .Produces<Stream>(StatusCodes.Status200OK, "text/plain", "text/csv");
}
