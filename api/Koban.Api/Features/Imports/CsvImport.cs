using System.Globalization;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Common;

/// <summary>
/// Runs an import row by row in one transaction, each row in its own savepoint: a refused row is rolled back alone and
/// reported with the same codes and messages as the API, the others go on; a dry run rolls everything back at the end.
/// </summary>
internal static class CsvImport
{
    public delegate string? Cell(params string[] names);

    public static async Task<ImportReport> RunAsync(KobanDbContext db, CsvTable table, bool dryRun, string[] labelColumns,
        Func<Cell, CancellationToken, Task<ImportRowResult>> importRow, CancellationToken ct)
    {
        var results = new List<ImportRowResult>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (line, cells) in table.Rows)
        {
            string? Get(params string[] names) => table.Get(cells, names);
            var savepoint = $"row{line.ToString(CultureInfo.InvariantCulture)}";
            await transaction.CreateSavepointAsync(savepoint, ct);
            try
            {
                results.Add(await importRow(Get, ct) with { Line = line });
            }
            catch (Exception e) when (e is DomainException or FieldValidationException or ReferenceNotFoundException or DbUpdateException)
            {
                await transaction.RollbackToSavepointAsync(savepoint, ct);
                var problem = ProblemDetailsMapping.Map(e);
                var code = (string)problem.Extensions["code"]!;
                var errors = problem is HttpValidationProblemDetails v && v.Errors.Count > 0
                    ? v.Errors.Select(x => new ImportRowError(x.Key, code, x.Value.FirstOrDefault() ?? problem.Title!)).ToList()
                    : [new ImportRowError("row", code, problem.Detail ?? problem.Title!)];
                results.Add(new ImportRowResult(line, ImportOutcome.Refused, Get(labelColumns), null, errors));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        if (dryRun) await transaction.RollbackAsync(ct);
        else await transaction.CommitAsync(ct);
        return ImportReport.From(results, dryRun);
    }

    /// <summary>A row the validator refused, reported field by field.</summary>
    public static ImportRowResult Refused(string? label, FluentValidation.Results.ValidationResult validation) =>
        new(0, ImportOutcome.Refused, label, null,
            [.. validation.Errors.Select(e => new ImportRowError(JsonPath.ToCamelPath(e.PropertyName), e.ErrorCode, e.ErrorMessage))]);
}
