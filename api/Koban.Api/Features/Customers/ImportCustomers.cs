using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

/// <summary>Imports a CSV of customers and contacts and keeps the accepted rows; <see cref="PreviewCustomerImportQuery"/> checks the same file without keeping anything.</summary>
public sealed record ImportCustomersCommand(CsvTable Table) : ICommand<ImportReport>;

public sealed class ImportCustomersHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<ImportCustomersCommand, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportCustomersCommand command, CancellationToken cancellationToken) =>
        await CustomerCsvImport.RunAsync(db, audit, command.Table, dryRun: false, cancellationToken);
}

internal static class ImportCustomersEndpoint
{
    /// <summary>One endpoint in the contract: <c>dryRun=true</c> asks for the preview, otherwise the import.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/import", async Task<Ok<ImportReport>> (IFormFile file, bool? dryRun, IMediator mediator, CancellationToken ct) =>
            {
                var table = await ImportFile.ReadAsync(file, ct);
                return TypedResults.Ok(dryRun == true
                    ? await mediator.Send(new PreviewCustomerImportQuery(table), ct)
                    : await mediator.Send(new ImportCustomersCommand(table), ct));
            })
            .WithName("ImportCustomers")
            .WithSummary("Import customers and contacts from a CSV file")
            .WithDescription(CustomerCsvImport.Description)
            .RequirePermission(Permissions.Customers, Access.Write)
            .DisableAntiforgery()
            .WithExamples(null, 200, CustomerExamples.Import);
}
