using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Products;

/// <summary>Imports a CSV of products and keeps the accepted rows; <see cref="PreviewProductImportQuery"/> checks the same file without keeping anything.</summary>
public sealed record ImportProductsCommand(CsvTable Table) : ICommand<ImportReport>;

public sealed class ImportProductsHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<ImportProductsCommand, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportProductsCommand command, CancellationToken cancellationToken) =>
        await ProductCsvImport.RunAsync(db, audit, command.Table, dryRun: false, cancellationToken);
}

internal static class ImportProductsEndpoint
{
    /// <summary>One endpoint in the contract: <c>dryRun=true</c> asks for the preview, otherwise the import.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/import", async Task<Ok<ImportReport>> (IFormFile file, bool? dryRun, IMediator mediator, CancellationToken ct) =>
            {
                var table = await ImportFile.ReadAsync(file, ct);
                return TypedResults.Ok(dryRun == true
                    ? await mediator.Send(new PreviewProductImportQuery(table), ct)
                    : await mediator.Send(new ImportProductsCommand(table), ct));
            })
            .WithName("ImportProducts")
            .WithSummary("Import products from a CSV file")
            .WithDescription(ProductCsvImport.Description)
            .RequirePermission(Permissions.Products, Access.Write)
            .DisableAntiforgery()
            .WithExamples(null, 200, ProductExamples.Import);
}
