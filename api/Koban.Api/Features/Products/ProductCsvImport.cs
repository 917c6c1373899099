using System.Globalization;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Products;

/// <summary>One row = one product, matched on its code (created when new). Same rules as the API, one savepoint per row;
/// the import keeps the rows it accepted, the preview (<c>dryRun</c>) rolls everything back.</summary>
internal static class ProductCsvImport
{
    public const string Description = """
        multipart/form-data with a part `file`: a CSV (UTF-8 or Windows-1252; `;`, `,` or tab separated; at most 5 MB and 10,000 rows) with a header line. Columns, French or English names: `code` (required, the match key), `nom`/`name`, `description`, `unite`/`unit` (UN/ECE code such as C62, HUR, DAY, or its French label such as heure, jour), `prixHT`/`unitPrice` (decimal comma or point), `tva`/`vatRate` (20, 10, 5,5, 2,1 or 0), `motifExoneration`/`vatExemptionReason`, `nature` (bien/service, goods/service), `enVente`/`forSale`, `livrable`/`deliverable` (oui/non, yes/no, 1/0).
        A row updates the product with the same code or creates it; the report lists per row what was created, updated or refused and why. A price change never alters existing documents. `dryRun=true` checks everything and keeps nothing.
        """;

    public static async Task<ImportReport> RunAsync(KobanDbContext db, AuditLog audit, CsvTable table, bool dryRun, CancellationToken cancellationToken)
    {
        if (!table.HasColumn("code")) throw new FieldValidationException("file", ApiErrorCodes.CsvMissingColumn);
        var validator = new ProductRequestValidator();
        return await CsvImport.RunAsync(db, table, dryRun, ["code"], async (get, ct) =>
        {
            var errors = new List<ImportRowError>();
            var request = ToRequest(names => get(names), errors);
            if (errors.Count > 0) return new ImportRowResult(0, ImportOutcome.Refused, get("code"), null, errors);
            var validation = await validator.ValidateAsync(request, ct);
            if (!validation.IsValid) return CsvImport.Refused(get("code"), validation);
            var trimmed = request.Code.Trim();
            var existing = await db.Products.SingleOrDefaultAsync(p => p.Code == trimmed, ct);
            Product product;
            if (existing is null)
            {
                product = Product.Create(request.ToData());
                db.Products.Add(product);
            }
            else
            {
                product = existing;
                product.Update(request.ToData());
            }
            audit.Record(existing is null ? "product.imported" : "product.updated_by_import", "product", product.Id, after: ProductReader.Response(product));
            await db.SaveChangesAsync(ct);
            return new ImportRowResult(0, existing is null ? ImportOutcome.Created : ImportOutcome.Updated, product.Code, product.Id, []);
        }, cancellationToken);
    }

    private static ProductRequest ToRequest(Func<string[], string?> get, List<ImportRowError> errors)
    {
        string? Get(params string[] names) => get(names);
        decimal Number(string field, string? text, decimal fallback)
        {
            if (text is null) return fallback;
            var normalized = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal)
                .Replace("€", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace(',', '.');
            if (decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
            errors.Add(new ImportRowError(field, ApiErrorCodes.MalformedRequest, ErrorCatalog.Message(ApiErrorCodes.MalformedRequest)));
            return fallback;
        }
        bool Flag(string? text, bool fallback) => text?.Trim().ToLowerInvariant() switch
        {
            null => fallback,
            "oui" or "o" or "yes" or "y" or "1" or "vrai" or "true" or "x" => true,
            _ => false,
        };
        var unitText = Get("unite", "unit", "unitCode") ?? UnitCode.Default;
        var unit = UnitCode.All.FirstOrDefault(u => string.Equals(u.Code, unitText, StringComparison.OrdinalIgnoreCase) || string.Equals(u.LabelFr, unitText, StringComparison.OrdinalIgnoreCase))?.Code ?? unitText;
        var natureText = Get("nature", "type")?.ToLowerInvariant();
        var nature = natureText is "bien" or "biens" or "goods" or "marchandise" ? ProductNature.Goods : ProductNature.Service;
        return new ProductRequest(Get("code") ?? string.Empty, Get("nom", "name", "designation", "libelle") ?? string.Empty, Get("description"), unit,
            Number("unitPrice", Get("prixHT", "prixUnitaireHT", "prix", "unitPrice", "price"), 0m), Number("vatRate", Get("tva", "tauxTva", "vatRate", "vat"), 20m),
            Get("motifExoneration", "vatExemptionReason"), nature, Flag(Get("enVente", "forSale"), true), Flag(Get("livrable", "deliverable"), false), false, null, null);
    }
}
