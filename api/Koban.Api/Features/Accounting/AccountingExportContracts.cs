using System.Text.Json;
using System.Text.Json.Serialization;
using Koban.Domain.Accounting.Export;
using Mapster;

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

    /// <summary>The options an export was requested with, from the JSON stored on it.</summary>
    public static AccountingExportOptionsResponse OptionsOf(string json) => JsonSerializer.Deserialize<AccountingExportOptionsResponse>(json, Json) ?? new(null, null);
}

public sealed record AccountingExportListResponse(IReadOnlyList<AccountingExportResponse> Items);

/// <summary>A finished export's file, streamed from its chunks.</summary>
public sealed record AccountingExportFile(string FileName, string ContentType, long Size, string Sha256, Func<Stream, CancellationToken, Task> WriteAsync);

/// <summary>How an export reads in the API: its period, its format described, the options it was requested with.</summary>
public sealed class AccountingExportMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<AccountingExport, AccountingExportResponse>()
            .ShallowCopyForSameType(true)
            .Map(d => d.FormatDescription, s => AccountingExportFormats.Describe(s.Format))
            .Map(d => d.From, s => s.PeriodFrom)
            .Map(d => d.To, s => s.PeriodTo)
            .Map(d => d.Options, s => AccountingExportResponse.OptionsOf(s.Options));
}
