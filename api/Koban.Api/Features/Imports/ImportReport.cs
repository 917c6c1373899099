using Koban.Api.Infrastructure.Web;

namespace Koban.Api.Features.Common;

public enum ImportOutcome
{
    Created,
    Updated,
    Refused,
}

public sealed record ImportRowError(string Field, string Code, string Message);

public sealed record ImportRowResult(int Line, ImportOutcome Outcome, string? Label, Guid? Id, IReadOnlyList<ImportRowError> Errors);

/// <summary>What an import did, row by row. With <c>dryRun</c> nothing is kept: the report says what would happen.</summary>
public sealed record ImportReport(int Rows, int Created, int Updated, int Refused, bool DryRun, IReadOnlyList<ImportRowResult> Results)
{
    internal static ImportReport From(IReadOnlyList<ImportRowResult> results, bool dryRun) => new(
        results.Count,
        results.Count(r => r.Outcome == ImportOutcome.Created),
        results.Count(r => r.Outcome == ImportOutcome.Updated),
        results.Count(r => r.Outcome == ImportOutcome.Refused),
        dryRun,
        results);
}

internal static class ImportFile
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public static async Task<CsvTable> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > MaxBytes) throw new FieldValidationException("file", ApiErrorCodes.FileTooLarge);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return CsvTable.Parse(buffer.ToArray());
    }
}
