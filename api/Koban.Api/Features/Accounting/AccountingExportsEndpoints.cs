using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting.Export;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Accounting;

/// <summary><c>/api/v1/accounting/exports</c>: requesting an export needs <c>accounting:write</c> (Admin, Accountant); reading and
/// downloading need <c>accounting:read</c>.</summary>
public static class AccountingExportsEndpoints
{
    private static readonly AccountingExportResponse Example = new(Guid.Parse("01936f00-0000-7000-8000-0000000000e1"), AccountingExportFormat.Fec,
        AccountingExportFormats.Describe(AccountingExportFormat.Fec), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
        new AccountingExportOptionsResponse(new FecExportOptions(), null), AccountingExportStatus.Completed, 100, 412, 412,
        Guid.Parse("01936f00-0000-7000-8000-0000000000a1"), "Claire Comptable", new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 4, 2, 8, 0, 1, TimeSpan.Zero), new DateTimeOffset(2026, 4, 2, 8, 0, 2, TimeSpan.Zero), "732829320FEC20261231.txt",
        "text/plain; charset=iso-8859-15", 61_480, "9f2c4e0b1d7a3c5e8f6b2a4d0c9e7f1a3b5d7c9e1f2a4b6c8d0e2f4a6b8c0d2e", 103, null);

    public static void MapAccountingExportsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounting/exports").WithTags("Accounting");

        group.MapPost("/", async Task<Accepted<AccountingExportResponse>> (RequestAccountingExportRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var export = await mediator.Send(new RequestAccountingExportCommand(body.Format, body.From, body.To, body.Fec, body.Csv), ct);
                return TypedResults.Accepted($"/api/v1/accounting/exports/{export.Id}", export);
            })
            .WithName("RequestAccountingExport")
            .WithSummary("Export a period's journal entries (background job)")
            .WithDescription("Queues an export of the journal entries dated from `from` to `to` and answers 202 at once with the export (`Queued`); poll `GET /api/v1/accounting/exports/{id}` for `status` and `progressPercent`, then download `/file`. "
                + "Formats: `Fec` (the legal FEC: 18 columns, header line, dates yyyyMMdd, decimal comma; options `fec.separator` `Tab`|`Pipe` and `fec.encoding` `Iso885915`|`Utf8`; named `<SIREN>FEC<closing date of the fiscal year>.txt`); "
                + "`Quadratus` (Cegid Quadra ASCII, fixed-width type-M lines) and `Ebp` (EBP ASCII, comma separated) — both layouts are UNVERIFIED against the publishers' own documents and follow third-party descriptions (see `formatDescription` and the README); "
                + "`Csv` (layout `csv`: ordered `columns` among the FEC fields plus `Amount` (debit − credit) and `Direction` (D/C), `separator`, `decimalMark` `,`|`.`, .NET `dateFormat`, `header`, `encoding`; RFC 4180 quoting). "
                + "**One fiscal year per file**: a period running past the closing date of the fiscal year of `from` is refused (422 `accounting_export_spans_fiscal_years` on `to`, naming that closing date) — request one export per fiscal year; dates before 1900-01-01 or after 2999-12-31 are invalid input (400 `validation_failed` on `from`/`to`). "
                + "Formats that cut account numbers (Quadratus: 8 characters, EBP: 15) are refused when two account numbers of the journal — customers' auxiliary accounts as posted, general accounts — would become one (422 `accounting_export_account_clash` on `format`, naming each account and its customer); give those customers accounting codes that differ within that width. "
                + "Lines come in chronological order: entry date, then journal, then EcritureNum, then line. "
                + "The job numbers the entries not yet numbered (EcritureNum, per journal and fiscal year, continuing the last number, in order of date then creation — also the fiscal year's earlier entries not yet numbered; numbers never change), stamps the period's entries not exported before with this export's id, streams the lines into the file while computing its SHA-256, stores it, and records `accounting.exported` in the audit log. Lettering follows the customer accounts: an invoice, the receipts, credit notes and write-offs that settled it, a credit note and the refund that paid it out (also a receipt first booked to 471 then identified) form a group; a group whose lines all lie in the period and balance to zero is lettered (code A, B, … Z, AA… from the smallest chain sequence of its invoices and credit notes; date of its latest entry), so every letter of a file balances to zero on its account. Groups still open, or reaching outside the period, stay unlettered.")
            .RequirePermission(Permissions.Accounting, Access.Write)
            .WithProblems(422)
            .WithExamples(new RequestAccountingExportRequest(AccountingExportFormat.Fec, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new FecExportOptions()), 202,
                Example with { Status = AccountingExportStatus.Queued, ProgressPercent = 0, RowsWritten = 0, RowsTotal = null, StartedAt = null, CompletedAt = null, FileName = null, ContentType = null, Size = null, Sha256 = null, EntryCount = null });

        group.MapGet("/", async Task<Ok<AccountingExportListResponse>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAccountingExportsQuery(), ct)))
            .WithName("ListAccountingExports")
            .WithSummary("List accounting exports")
            .WithDescription($"The company's exports, newest first (the latest {ListAccountingExportsHandler.Limit}): who asked for which period and format, when, their status and, once completed, the file's name, size and SHA-256.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, new AccountingExportListResponse([Example]));

        group.MapGet("/{id:guid}", async Task<Ok<AccountingExportResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAccountingExportQuery(id), ct)))
            .WithName("GetAccountingExport")
            .WithSummary("Get an accounting export (status and progress)")
            .WithDescription("`status` is `Queued`, `Running` (`progressPercent` = `rowsWritten` / `rowsTotal`), `Completed` (file ready: `fileName`, `size`, `sha256`, `entryCount`) or `Failed` (`error`).")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, Example);

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
}
