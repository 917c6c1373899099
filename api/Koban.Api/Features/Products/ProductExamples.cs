using Koban.Api.Features.Common;
using Koban.Domain.Documents;
using Koban.Domain.Products;

namespace Koban.Api.Features.Products;

/// <summary>Typed examples of the product endpoints for openapi.yaml, built from the real DTOs.</summary>
internal static class ProductExamples
{
    public static readonly ProductResponse Product = new(Guid.Parse("01936c10-0000-7000-8000-00000000a001"), "POSE-H", "Pose et réglage", "Main d'œuvre sur site, par heure",
        UnitCode.Hour, "heure", 65.0000m, 20.00m, null, ProductNature.Service, true, false, false, null, null, false, new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));

    public static readonly ProductRequest Request = new("POSE-H", "Pose et réglage", "Main d'œuvre sur site, par heure", UnitCode.Hour, 65m, 20m, null, ProductNature.Service,
        true, false, false, null, null);

    public static readonly List<UnitCodeResponse> Units = [new("HUR", "heure"), new("DAY", "jour")];

    /// <summary>A company outside the VAT franchise.</summary>
    public static readonly VatTreatmentsResponse VatTreatments = ProductReader.VatTreatments(VatChoices.For(false));

    public static readonly ImportReport Import = new(2, 1, 0, 1, false,
    [
        new ImportRowResult(2, ImportOutcome.Created, "POSE-H", Product.Id, []),
        new ImportRowResult(3, ImportOutcome.Refused, "LIVR", null, [new ImportRowError("vatRate", "vat_rate_not_allowed", "Taux de TVA non autorisé.")]),
    ]);
}
