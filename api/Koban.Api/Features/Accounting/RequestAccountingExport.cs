using System.Text.Json;
using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting.Export;
using Koban.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Accounting;

public sealed record RequestAccountingExportCommand(AccountingExportFormat Format, DateOnly From, DateOnly To, FecExportOptions? Fec, CsvExportLayout? Csv)
    : ICommand<AccountingExportResponse>;

public sealed class RequestAccountingExportValidator : AbstractValidator<RequestAccountingExportCommand>
{
    /// <remarks>The years of <c>from</c> and <c>to</c> are bounded by the shared input rules (<see cref="InputGuard"/>,
    /// <c>date_out_of_range</c>), like every date of every request.</remarks>
    public RequestAccountingExportValidator()
    {
        RuleFor(c => c.Format).IsInEnum();
        RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).WithErrorCode(ApiErrorCodes.PeriodEndBeforeStart).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.PeriodEndBeforeStart));
        RuleFor(c => c.Fec!.Separator).IsInEnum().When(c => c.Fec is not null).OverridePropertyName("fec.separator");
        RuleFor(c => c.Fec!.Encoding).IsInEnum().When(c => c.Fec is not null).OverridePropertyName("fec.encoding");
        RuleFor(c => c.Csv).Null().When(c => c.Format != AccountingExportFormat.Csv).WithErrorCode(ApiErrorCodes.ExportOptionsMismatch).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.ExportOptionsMismatch));
        RuleFor(c => c.Fec).Null().When(c => c.Format != AccountingExportFormat.Fec).WithErrorCode(ApiErrorCodes.ExportOptionsMismatch).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.ExportOptionsMismatch));
        When(c => c.Csv is not null, () =>
        {
            RuleFor(c => c.Csv!.Columns).NotEmpty().OverridePropertyName("csv.columns");
            RuleForEach(c => c.Csv!.Columns).IsInEnum().OverridePropertyName("csv.columns");
            RuleFor(c => c.Csv!.Separator).Length(1).OverridePropertyName("csv.separator");
            RuleFor(c => c.Csv!.DecimalMark).Must(m => m is "," or ".").WithErrorCode(ErrorCodes.CsvDecimalMarkInvalid).WithMessage(_ => ErrorCatalog.Message(ErrorCodes.CsvDecimalMarkInvalid)).OverridePropertyName("csv.decimalMark");
            RuleFor(c => c.Csv!.Encoding).IsInEnum().OverridePropertyName("csv.encoding");
            RuleFor(c => c.Csv!).Custom((csv, context) =>
            {
                if (csv.Separator is not { Length: 1 } || csv.DecimalMark is not ("," or ".") || csv.Columns is not { Count: > 0 }) return;
                foreach (var code in csv.ToDomain().Problems())
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("csv", ErrorCatalog.Message(code)) { ErrorCode = code });
            });
        });
    }
}

public sealed class RequestAccountingExportHandler(KobanDbContext db, CurrentActor actor, AuditLog audit, TimeProvider clock, AccountingExportSignal signal)
    : ICommandHandler<RequestAccountingExportCommand, AccountingExportResponse>
{
    public async ValueTask<AccountingExportResponse> Handle(RequestAccountingExportCommand command, CancellationToken cancellationToken)
    {
        var options = new AccountingExportOptionsResponse(
            command.Format == AccountingExportFormat.Fec ? command.Fec ?? new FecExportOptions() : null,
            command.Format == AccountingExportFormat.Csv ? command.Csv ?? FromDomain(CsvLayout.Default) : null);
        var fiscalYearStartMonth = await db.Companies.Select(c => c.FiscalYearStartMonth).SingleAsync(cancellationToken);
        var export = AccountingExport.Request(command.Format, command.From, command.To, fiscalYearStartMonth, JsonSerializer.Serialize(options, AccountingExportResponse.Json),
            actor.UserId, actor.DisplayName, clock.GetUtcNow());
        await CheckAccountNumbersAsync(command.Format, cancellationToken);
        db.AccountingExports.Add(export);
        audit.Record("accounting.export_requested", "accounting_export", export.Id,
            after: new { format = export.Format.ToString(), from = export.PeriodFrom, to = export.PeriodTo });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return AccountingReader.Export(export);
    }

    /// <summary>
    /// Refuses a format that would merge two accounts (<see cref="AccountingExportFormats.Clashes"/>): every account number the
    /// journal holds — customers' auxiliary accounts as they were posted, general accounts — must stay distinct once cut to the
    /// format's width, in this file and in the ones before and after it, or the package would book two customers on one account.
    /// </summary>
    private async Task CheckAccountNumbersAsync(AccountingExportFormat format, CancellationToken ct)
    {
        if (AccountingExportFormats.AccountWidth(format) is not { } width) return;
        var accounts = await db.Database.SqlQueryRaw<ExportAccount>(AccountNumbersSql, new NpgsqlParameter("company", actor.RequireCompanyId())).ToListAsync(ct);
        var clashes = AccountingExportFormats.Clashes(format, accounts);
        if (clashes.Count == 0) return;
        var named = Name(clashes);
        throw new DomainException(ErrorCodes.AccountingExportAccountClash, $"{format} keeps {width} characters of account numbers: {named} would merge.")
        {
            Field = "format",
            Arguments = new Dictionary<string, object> { ["width"] = width, ["accounts"] = named },
        };
    }

    /// <summary>Every account number the company's journal writes (the auxiliary account of a customer line, else the general account), with a name.</summary>
    internal const string AccountNumbersSql = """
        SELECT coalesce(l.auxiliary_account, l.account) AS "Number", max(coalesce(l.auxiliary_label, l.account_label)) AS "Name"
          FROM journal_entry_lines l JOIN journal_entries e ON e.id = l.entry_id
         WHERE e.company_id = @company
         GROUP BY 1
        """;

    /// <summary>"Name (number), Name (number); …" for a problem or an export's error.</summary>
    internal static string Name(IReadOnlyList<IReadOnlyList<ExportAccount>> clashes) =>
        string.Join("; ", clashes.Select(group => string.Join(", ", group.Select(a => $"{a.Name} ({a.Number})"))));

    internal static CsvExportLayout FromDomain(CsvLayout layout) =>
        new(layout.Columns, layout.Separator.ToString(), layout.DecimalMark.ToString(), layout.DateFormat, layout.Header, layout.Encoding);
}

public static class RequestAccountingExport
{
    public static void Map(RouteGroupBuilder group) =>
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
            .WithExamples(AccountingExamples.ExportRequest, 202, AccountingExamples.ExportQueued);
}
