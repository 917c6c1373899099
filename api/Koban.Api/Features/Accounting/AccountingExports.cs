using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting.Export;
using Koban.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Accounting;

/// <summary>FEC choices: the field separator and the character set.</summary>
public sealed record FecExportOptions(FecSeparator Separator = FecSeparator.Tab, ExportEncoding Encoding = ExportEncoding.Iso885915)
{
    public FecOptions ToDomain() => new(Separator, Encoding);
}

/// <summary>A configurable CSV layout: ordered columns, one-character separator and decimal mark (<c>,</c> or <c>.</c>), .NET date format, header line, character set.</summary>
public sealed record CsvExportLayout(IReadOnlyList<CsvField> Columns, string Separator = ";", string DecimalMark = ",", string DateFormat = "dd/MM/yyyy",
    bool Header = true, ExportEncoding Encoding = ExportEncoding.Utf8)
{
    public CsvLayout ToDomain() => new(Columns, Separator.Length == 1 ? Separator[0] : '\0', DecimalMark.Length == 1 ? DecimalMark[0] : '\0', DateFormat, Header, Encoding);
}

/// <summary>The options an export was requested with (stored as JSON on the export).</summary>
public sealed record AccountingExportOptionsResponse(FecExportOptions? Fec, CsvExportLayout? Csv);

public sealed record RequestAccountingExportRequest(AccountingExportFormat Format, DateOnly From, DateOnly To, FecExportOptions? Fec = null, CsvExportLayout? Csv = null);

public sealed record AccountingExportResponse(
    Guid Id,
    AccountingExportFormat Format,
    string FormatDescription,
    DateOnly From,
    DateOnly To,
    AccountingExportOptionsResponse Options,
    AccountingExportStatus Status,
    int ProgressPercent,
    long RowsWritten,
    long? RowsTotal,
    Guid? RequestedBy,
    string? RequestedByName,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? FileName,
    string? ContentType,
    long? Size,
    string? Sha256,
    int? EntryCount,
    string? Error)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static AccountingExportResponse Of(AccountingExport e) => new(e.Id, e.Format, AccountingExportFormats.Describe(e.Format), e.PeriodFrom, e.PeriodTo,
        JsonSerializer.Deserialize<AccountingExportOptionsResponse>(e.Options, Json) ?? new(null, null), e.Status, e.ProgressPercent, e.RowsWritten, e.RowsTotal,
        e.RequestedBy, e.RequestedByName, e.RequestedAt, e.StartedAt, e.CompletedAt, e.FileName, e.ContentType, e.Size, e.Sha256, e.EntryCount, e.Error);
}

public sealed record AccountingExportListResponse(IReadOnlyList<AccountingExportResponse> Items);

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
        return AccountingExportResponse.Of(export);
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

public sealed record ListAccountingExportsQuery : IQuery<AccountingExportListResponse>;

public sealed class ListAccountingExportsHandler(KobanDbContext db) : IQueryHandler<ListAccountingExportsQuery, AccountingExportListResponse>
{
    public const int Limit = 200;

    public async ValueTask<AccountingExportListResponse> Handle(ListAccountingExportsQuery query, CancellationToken cancellationToken)
    {
        var exports = await db.AccountingExports.AsNoTracking().OrderByDescending(e => e.RequestedAt).ThenByDescending(e => e.Id).Take(Limit).ToListAsync(cancellationToken);
        return new AccountingExportListResponse([.. exports.Select(AccountingExportResponse.Of)]);
    }
}

public sealed record GetAccountingExportQuery(Guid Id) : IQuery<AccountingExportResponse>;

public sealed class GetAccountingExportHandler(KobanDbContext db) : IQueryHandler<GetAccountingExportQuery, AccountingExportResponse>
{
    public async ValueTask<AccountingExportResponse> Handle(GetAccountingExportQuery query, CancellationToken cancellationToken) =>
        AccountingExportResponse.Of(await db.AccountingExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("accounting_export", query.Id));
}

/// <summary>A finished export's file, streamed from its chunks.</summary>
public sealed record AccountingExportFile(string FileName, string ContentType, long Size, string Sha256, Func<Stream, CancellationToken, Task> WriteAsync);

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
